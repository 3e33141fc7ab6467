import Fluent
import Platform
import Vapor

/// The request and response bodies of StrategyAPIController.
extension StrategyAPIController {
    struct StrategyItem: Content {
        let id: UUID
        let slug: String
        let title: Translated
        let startYear: Int
        let endYear: Int
    }

    struct MeasurementDTO: Content {
        let id: UUID
        let period: String
        let year: Int
        let value: Double
        let breakdown: [String: [String: Double]]
        let source: String
        let recordedBy: String

        init(_ measurement: Measurement, authors: AuthorNames) throws {
            id = try measurement.requireID()
            period = measurement.period
            year = measurement.year
            value = measurement.value
            breakdown = measurement.breakdown
            source = measurement.source
            recordedBy = measurement.source == MeasurementService.computedFromReports
                ? measurement.recordedBy : authors.name(of: measurement.recordedByUserID, stored: measurement.recordedBy)
        }
    }

    struct ActionPlanDTO: Content {
        struct ActivityDTO: Content {
            let id: UUID
            let title: Translated
            let objectiveID: UUID?
            let responsibleID: UUID?
            let startsOn: String?
            let endsOn: String?
            let state: String
            let budgetMinor: Int64
            let currency: String
        }
        let id: UUID
        let strategyID: UUID
        let year: Int
        let title: Translated
        let activities: [ActivityDTO]

        static func load(_ plan: ActionPlan, on db: any Database) async throws -> ActionPlanDTO {
            let id = try plan.requireID()
            let activities = try await Activity.query(on: db).filter(\.$actionPlanID == id).all().map {
                ActivityDTO(id: try $0.requireID(), title: $0.title, objectiveID: $0.objectiveID, responsibleID: $0.responsibleID,
                            startsOn: $0.startsOn, endsOn: $0.endsOn, state: $0.state.rawValue, budgetMinor: $0.budgetMinor,
                            currency: $0.currency)
            }
            return ActionPlanDTO(id: id, strategyID: plan.strategyID, year: plan.year, title: plan.title, activities: activities)
        }
    }
}
