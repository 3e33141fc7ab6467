import Fluent
import Platform
import Vapor

/// Who represents an organisation, through the API: requests to represent it, invitations by e-mail, the
/// answers to both, and staff adding or removing representatives.
struct RepresentativesAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let organization = routes.grouped("api", "v1", "organizations", ":organization")
        organization.post("representatives", use: add)
        organization.delete("representatives", ":id", use: remove)
        organization.get("representation-requests", use: list)
        organization.post("representation-requests", use: request)
        organization.post("invitations", use: invite)
        routes.post("api", "v1", "representation-requests", ":id", "transitions", use: step)
        routes.post("api", "v1", "invitations", "accept", use: answer)
        routes.get("api", "v1", "me", "organizations", use: mine)
    }

    /// `{"email", "role"}`: staff make an existing account a representative.
    @Sendable func add(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organization = try await OrganizationsAPIController.find(req)
        _ = try await RepresentationService.add(try req.content.decode(RepresentationService.Ask.self), to: organization,
                                                by: user, req.service)
        return try await OrganizationDTO.load(organization, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func remove(req: Request) async throws -> HTTPStatus {
        let user = try req.requireUser()
        let organization = try await OrganizationsAPIController.find(req)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw DirectoryError.representativeNotFound }
        try await RepresentationService.remove(id, from: organization, by: user, req.service)
        return .noContent
    }

    /// `?state=open` for those still waiting.
    @Sendable func list(req: Request) async throws -> Paged<RepresentationDTO> {
        let user = try req.requireUser()
        let organization = try await OrganizationsAPIController.find(req)
        let page = try PageQuery(from: req)
        let (rows, total) = try await RepresentationQuery.forOrganization(
            organization, openOnly: req.query[String.self, at: "state"] == "open", viewer: user, page: page, on: req.db)
        return Paged(items: try await RepresentationDTO.list(rows, reader: req.reader, on: req.db), request: page,
                     total: total)
    }

    /// `{"role", "message"}`: the signed-in person asks to represent the organisation.
    @Sendable func request(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organization = try await OrganizationsAPIController.find(req)
        let request = try await RepresentationService.request(try req.content.decode(RepresentationService.Ask.self),
                                                              for: organization, by: user, req.service)
        return try await Self.answer(request, status: .created, req)
    }

    /// `{"email", "role", "message"}`: the organisation invites someone.
    @Sendable func invite(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organization = try await OrganizationsAPIController.find(req)
        let request = try await RepresentationService.invite(try req.content.decode(RepresentationService.Ask.self),
                                                             to: organization, by: user, req.service)
        return try await Self.answer(request, status: .created, req)
    }

    /// `{"action": "approve" | "decline" | "withdraw", "reason"}`.
    @Sendable func step(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let request = try await req.find(RepresentationRequest.self, id: "id", orElse: DirectoryError.representationNotFound)
        let input = try req.content.decode(StepInput.self)
        try await RepresentationService.step(request, action: input.action ?? "", reason: input.reason, by: user,
                                             req.service)
        return try await Self.answer(request, status: .ok, req)
    }

    struct Answer: Content {
        var token: String?
        /// `accept` (the default) or `refuse`.
        var action: String?
    }

    /// `{"token", "action"}`: the person invited answers, signed in with an account for the invited address.
    @Sendable func answer(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(Answer.self)
        guard [nil, "accept", "refuse"].contains(input.action) else {
            throw ValidationFailure([FieldError("action", "validation.invalid_choice")])
        }
        let request = try await RepresentationService.answer(token: input.token ?? "", accept: input.action != "refuse",
                                                             by: user, req.service)
        return try await Self.answer(request, status: .ok, req)
    }

    struct Mine: Content {
        let organizations: [MyOrganization]
        let requests: Paged<RepresentationDTO>
    }

    /// The organisations the signed-in person represents (verified or not) and their own requests.
    @Sendable func mine(req: Request) async throws -> Mine {
        let user = try req.requireUser()
        let page = try PageQuery(from: req)
        let (rows, total) = try await RepresentationQuery.mine(user, page: page, on: req.db)
        return Mine(organizations: try await MyOrganization.list(of: user, on: req.db),
                    requests: Paged(items: try await RepresentationDTO.list(rows, reader: req.reader, on: req.db),
                                    request: page, total: total))
    }

    static func answer(_ request: RepresentationRequest, status: HTTPStatus, _ req: Request) async throws -> Response {
        guard let dto = try await RepresentationDTO.list([request], reader: req.reader, on: req.db).first else {
            throw DirectoryError.representationNotFound
        }
        return try await dto.encodeResponse(status: status, for: req)
    }
}
