import Directory
import Fluent
import Platform
import Vapor

/// The capacity self-assessment: `/{lang}/assessments` (the grid for one's association, its profile over the years
/// and the training it suggests; the network's anonymous averages by `wilaya` and `domain`), and
/// `/api/v1/assessments` (one's associations' assessments; save), `/api/v1/assessments/aggregates`.
struct AssessmentsController: RouteCollection {
    struct API: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let assessments = routes.grouped("api", "v1", "assessments")
            assessments.get(use: list)
            assessments.post(use: save)
            assessments.get("aggregates", use: aggregates)
        }

        struct Row: Content {
            let organizationID: UUID
            let year: Int
            let levels: [String: Int]
            let weak: [String]
        }

        static func row(_ assessment: CapacityAssessment) -> Row {
            Row(organizationID: assessment.organizationID, year: assessment.year,
                levels: Dictionary(uniqueKeysWithValues: CapacityDimension.allCases.map { ($0.rawValue, assessment.level($0)) }),
                weak: Assessments.weak(assessment).map(\.rawValue))
        }

        @Sendable func list(req: Request) async throws -> [Row] {
            let user = try req.requireUser()
            var rows: [Row] = []
            for organization in try await Representation.organizations(of: user.id, on: req.db) {
                rows += try await Assessments.profile(try organization.requireID(), on: req.db).map(Self.row)
            }
            return rows
        }

        @Sendable func save(req: Request) async throws -> Response {
            let user = try req.requireUser()
            let saved = try await Assessments.save(try req.content.decode(AssessmentInput.self), by: user, req.service)
            return try await Self.row(saved).encodeResponse(status: .created, for: req)
        }

        @Sendable func aggregates(req: Request) async throws -> Assessments.Aggregate {
            let filter = try NeedsPageContext.Filter(req)
            return try await Assessments.aggregate(year: filter.year, wilayaCode: filter.wilaya,
                                                   domainCode: filter.domain, on: req.db)
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(CapacitySiteURL.assessments.pathComponents, use: page)
        routes.post(CapacitySiteURL.assessments.pathComponents, use: save)
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await req.render("capacity/assessments", try await AssessmentsPageContext.make(req, form: .empty))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submitting {
            let (input, unread) = try req.form(AssessmentForm.self).input()
            guard unread.isEmpty else { throw ValidationFailure(unread) }
            let saved = try await Assessments.save(input, by: user, req.service)
            return req.seeOther(CapacitySiteURL.assessments.path(in: req.language)
                                + "?organization=\(saved.organizationID.uuidString)&saved=1#profile")
        } refused: { state in
            try await req.render("capacity/assessments", try await AssessmentsPageContext.make(req, form: state.grouping(
                "levels_governance", "levels_finances", "levels_project_management", "levels_human_resources",
                "levels_partnerships", "levels_communication")))
        }
    }
}
