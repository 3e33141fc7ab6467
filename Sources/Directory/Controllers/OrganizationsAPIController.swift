import Fluent
import Platform
import Vapor

/// `/api/v1/organizations`: list (filters and search), get, create (staff) or register (anyone signed in: it waits
/// for verification), update (staff, or the organisation's representatives), verification steps, CSV export.
struct OrganizationsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let organizations = routes.grouped("api", "v1", "organizations")
        organizations.get(use: list)
        organizations.post(use: create)
        organizations.get("export.csv", use: exportCSV)
        organizations.get(":organization", use: show)
        organizations.patch(":organization", use: update)
        organizations.post(":organization", "transitions", use: transition)
    }

    @Sendable func list(req: Request) async throws -> Paged<OrganizationRow> {
        let filter = try await OrganizationFilter.from(req)
        let page = try PageQuery(from: req)
        let (rows, total) = try await OrganizationQuery.page(filter, page: page, index: req.application.directoryIndex, on: req.db, now: req.now)
        return Paged(items: rows, request: page, total: total)
    }

    @Sendable func show(req: Request) async throws -> OrganizationDTO {
        try await OrganizationDTO.load(try await Self.visible(req), on: req.db)
    }

    struct Registrant: Content {
        /// The registrant's role in the organisation (`president`…); for a registration by someone who is not staff.
        var representativeRole: String?
    }

    /// Staff add a verified organisation; anyone else signed in registers one, which waits for verification.
    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(OrganizationInput.self)
        let organization: Organization
        if user.may(.manageOrganizations) {
            organization = try await OrganizationService.create(input, actor: AuditActor(user), on: req.db, now: req.now)
        } else {
            let role = try req.content.decode(Registrant.self).representativeRole
            organization = try await OrganizationRegistration.register(input, role: role, by: user, req.service)
        }
        req.application.directoryIndex.invalidate()
        let response = try await OrganizationDTO.load(organization, on: req.db).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/organizations/\(try organization.requireID())")
        return response
    }

    /// Staff, or the organisation's representatives (who change neither its address nor its kind).
    @Sendable func update(req: Request) async throws -> OrganizationDTO {
        let user = try req.requireUser()
        let organization = try await Self.visible(req)
        let input = try req.content.decode(OrganizationInput.self)
        try await OrganizationService.update(organization, with: input, by: user, on: req.db, now: req.now)
        req.application.directoryIndex.invalidate()
        return try await OrganizationDTO.load(organization, on: req.db)
    }

    /// `{"action": "verify" | "reject" | "resubmit", "reason"}`.
    @Sendable func transition(req: Request) async throws -> OrganizationDTO {
        let user = try req.requireUser()
        let organization = try await Self.visible(req)
        let input = try req.content.decode(StepInput.self)
        try await OrganizationRegistration.transition(organization, action: input.action ?? "", reason: input.reason,
                                                      by: user, req.service)
        req.application.directoryIndex.invalidate()
        return try await OrganizationDTO.load(organization, on: req.db)
    }

    @Sendable func exportCSV(req: Request) async throws -> Response {
        let filter = try await OrganizationFilter.from(req)
        let index = req.application.directoryIndex, db = req.db, logger = req.logger
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: #"attachment; filename="organizations.csv""#)
        // Streamed chunk by chunk: the whole directory is never held in memory.
        return Response(status: .ok, headers: headers, body: .init(asyncStream: { writer in
            do {
                try await OrganizationExport.csv(filter, index: index, on: db) { text in
                    try await writer.write(.buffer(ByteBuffer(string: text)))
                }
                try await writer.write(.end)
            } catch {
                logger.report(error: error)
                try? await writer.write(.error(error))
            }
        }))
    }

    /// By id or slug.
    static func find(_ req: Request) async throws -> Organization {
        try await req.find(Organization.self, "organization", orElse: DirectoryError.organizationNotFound)
    }

    /// By id or slug, if the reader may see it (one waiting for verification: its representatives and staff).
    static func visible(_ req: Request) async throws -> Organization {
        let organization = try await find(req)
        try await OrganizationPolicy.requireVisible(organization, viewer: req.currentUser, on: req.db)
        return organization
    }
}
