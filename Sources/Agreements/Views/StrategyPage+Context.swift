import Fluent
import Platform
import Vapor

/// The page contexts of StrategyWebController.
extension StrategyWebController {
    struct ListContext: Encodable {
        struct Item: Encodable { let id: String; let slug: String; let title: LocalizedText; let years: String }
        let page: PageMeta
        let strategies: [Item]
        let pagination: PaginationView
        let canAuthor: Bool
    }

    struct Row: Encodable {
        let level: String
        let code: String
        let title: LocalizedText
        let bar: ProgressBar
        let status: String
        let value: String
        let target: String
        let unit: String
        let link: String?
    }

    struct DashboardContext: Encodable {
        struct Plan: Encodable { let title: LocalizedText; let activities: [ActivityRow] }
        struct ActivityRow: Encodable { let title: LocalizedText; let state: String; let budget: String; let dates: String }
        let page: PageMeta
        let title: LocalizedText
        let year: Int
        let years: [Int]
        let overall: ProgressBar
        let rows: [Row]
        let plans: [Plan]
        let csvLink: String
        let slug: String
        /// Staff who manage agreements author the strategy.
        let canAuthor: Bool
    }

    struct IndicatorContext: Encodable {
        struct MeasurementRow: Encodable {
            let id: String
            let period: String
            let value: String
            let breakdown: String
            let source: String
        }
        let page: PageMeta
        let name: LocalizedText
        let code: String
        let unit: String
        let method: LocalizedText?
        let direction: String
        /// How the year's value is made (`sum` of the periods, or the `latest` one).
        let aggregation: String
        let baseline: String
        let targets: [String]
        let disaggregations: [String]
        let measurements: [MeasurementRow]
        let editLink: String?
        let pagination: PaginationView
        let canRecord: Bool
        let form: FormState
        let back: String
    }
}
