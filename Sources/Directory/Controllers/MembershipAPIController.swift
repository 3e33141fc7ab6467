import Fluent
import Platform
import Vapor

/// `/api/v1/membership-applications` (create, list, get, checklist, transitions) and
/// `/api/v1/memberships/{id}/transitions`.
struct MembershipAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applications = routes.grouped("api", "v1", "membership-applications")
        applications.get(use: list)
        applications.post(use: create)
        applications.get(":id", use: show)
        applications.put(":id", "checklist", use: checklist)
        applications.post(":id", "transitions", use: transition)
        routes.grouped("api", "v1", "memberships").post(":id", "transitions", use: transitionMembership)
    }

    @Sendable func list(req: Request) async throws -> Paged<ApplicationDTO> {
        let user = try req.requireUser()
        let page = try PageQuery(from: req)
        let (applications, total) = try await ApplicationQuery.page(state: try ApplicationQuery.state(req), viewer: user,
                                                                    page: page, on: req.db)
        let items = try await applications.asyncMap {
            try await ApplicationDTO.load($0, for: user, on: req.db)
        }
        return Paged(items: items, request: page, total: total)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(ApplicationInput.self)
        let application = try await MembershipService.apply(input, by: user, req.service)
        return try await ApplicationDTO.load(application, for: user, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> ApplicationDTO {
        let user = try req.requireUser()
        let application = try await Self.find(req)
        guard user.may(.reviewMembership) || application.applicantUserID == user.id else {
            throw DirectoryError.notYourApplication
        }
        return try await ApplicationDTO.load(application, for: user, on: req.db)
    }

    @Sendable func checklist(req: Request) async throws -> ApplicationDTO {
        let user = try req.requireUser()
        let input = try req.content.decode(ChecklistInput.self)
        let application = try await MembershipService.recordChecklist(
            applicationID: try Self.id(req), answers: input.items, note: input.note, by: user, req.service)
        return try await ApplicationDTO.load(application, for: user, on: req.db)
    }

    @Sendable func transition(req: Request) async throws -> ApplicationDTO {
        let user = try req.requireUser()
        let input = try req.content.decode(StepInput.self)
        let application = try await MembershipService.transition(
            applicationID: try Self.id(req), action: input.action ?? "", reason: input.reason, by: user, req.service)
        return try await ApplicationDTO.load(application, for: user, on: req.db)
    }

    @Sendable func transitionMembership(req: Request) async throws -> OrganizationDTO.MembershipDTO {
        let user = try req.requireUser()
        let input = try req.content.decode(StepInput.self)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw DirectoryError.membershipNotFound }
        let membership = try await MembershipService.transitionMembership(
            membershipID: id, action: input.action ?? "", reason: input.reason, by: user, req.service)
        let history = try await WorkflowStep.history(workflow: "membership", subjectID: id, on: req.db)
        return OrganizationDTO.MembershipDTO(id: id, networkID: membership.networkID, memberID: membership.memberID,
                                             state: membership.state.rawValue, history: try await WorkflowStepView.list(history, on: req.db))
    }

    static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw DirectoryError.applicationNotFound }
        return id
    }

    static func find(_ req: Request) async throws -> MembershipApplication {
        guard let application = try await MembershipApplication.find(try id(req), on: req.db) else {
            throw DirectoryError.applicationNotFound
        }
        return application
    }
}
