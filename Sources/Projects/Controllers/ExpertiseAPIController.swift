import Directory
import Fluent
import Platform
import Vapor

/// `/api/v1/expertise-requests`: requests of the associations, the experts ranked for each, their steps.
struct ExpertiseAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let expertise = routes.grouped("api", "v1", "expertise-requests")
        expertise.get(use: expertiseList)
        expertise.post(use: requestExpertise)
        expertise.get(":id", use: expertiseShow)
        expertise.post(":id", "transitions", use: expertiseStep)
    }

    @Sendable func expertiseList(req: Request) async throws -> Paged<ExpertiseDTO> {
        let user = try req.requireUser()
        let page = try PageQuery(from: req)
        let (rows, total) = try await WorkQueries.expertise(state: try WorkQueries.expertiseState(req), viewer: user,
                                                            page: page, on: req.db)
        return Paged(items: try rows.map { try ExpertiseDTO($0) }, request: page, total: total)
    }

    @Sendable func requestExpertise(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let request = try await ExpertiseService.create(try req.content.decode(ExpertiseInput.self), by: user, on: req.db,
                                                        now: req.now)
        let matches = try await ExpertiseService.matches(for: request, on: req.db)
        return try await ExpertiseDTO(request, matches: matches).encodeResponse(status: .created, for: req)
    }

    @Sendable func expertiseShow(req: Request) async throws -> ExpertiseDTO {
        let request = try await req.find(ExpertiseRequest.self, id: "id", orElse: ProjectsError.expertiseRequestNotFound)
        try await ProjectsPolicy.requireReader(of: request, req)
        return try ExpertiseDTO(request, matches: try await ExpertiseService.matches(for: request, on: req.db),
                                history: try await WorkflowStepView.history(workflow: "expertise", subjectID: request.requireID(),
                                                                        on: req.db))
    }

    @Sendable func expertiseStep(req: Request) async throws -> ExpertiseDTO {
        let user = try req.requireUser()
        let request = try await req.find(ExpertiseRequest.self, id: "id", orElse: ProjectsError.expertiseRequestNotFound)
        let input = try req.content.decode(StepInput.self)
        try await ExpertiseService.step(request, action: input.action ?? "", reason: input.reason, expertID: input.expertID,
                                        rating: input.rating, by: user, on: req.db, now: req.now, messaging: req.messaging)
        return try ExpertiseDTO(request, history: try await WorkflowStepView.history(workflow: "expertise",
                                                                                 subjectID: request.requireID(), on: req.db))
    }
}
