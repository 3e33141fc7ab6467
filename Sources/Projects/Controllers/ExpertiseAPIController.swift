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
        return try await Self.full(request, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func expertiseShow(req: Request) async throws -> ExpertiseDTO {
        let request = try await req.find(ExpertiseRequest.self, id: "id", orElse: ProjectsError.expertiseRequestNotFound)
        try await ProjectsPolicy.requireReader(of: request, req)
        return try await Self.full(request, req)
    }

    @Sendable func expertiseStep(req: Request) async throws -> ExpertiseDTO {
        let user = try req.requireUser()
        let request = try await req.find(ExpertiseRequest.self, id: "id", orElse: ProjectsError.expertiseRequestNotFound)
        let input = try req.content.decode(StepInput.self)
        try await ExpertiseService.step(request, action: input.action ?? "", reason: input.reason, expertID: input.expertID,
                                        rating: input.rating, by: user, on: req.db, now: req.now, messaging: req.messaging)
        return try await Self.full(request, req)
    }

    /// One request with its history, conversation and contacts (once accepted); the experts ranked for it go to staff
    /// only (an association or an expert never sees the others' scores).
    static func full(_ request: ExpertiseRequest, _ req: Request) async throws -> ExpertiseDTO {
        let user = try req.requireUser()
        let messages = try await ExpertiseService.messages(of: request, on: req.db)
        let authors = try await req.authorNames(messages.map(\.authorUserID))
        return try ExpertiseDTO(
            request,
            matches: user.may(.assignExpertise) ? try await ExpertiseService.matches(for: request, on: req.db) : nil,
            history: try await WorkflowStepView.history(workflow: "expertise", subjectID: request.requireID(), on: req.db),
            messages: messages.map {
                ExpertiseDTO.MessageDTO(kind: $0.kind.rawValue, author: authors.name(of: $0.authorUserID, stored: ""),
                                        body: $0.body, at: $0.createdAt)
            },
            contacts: try await ExpertiseContacts.load(for: request, reader: req.reader, on: req.db))
    }
}
