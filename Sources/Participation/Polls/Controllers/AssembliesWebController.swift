import Directory
import Fluent
import Platform
import Vapor

/// The assembly pages under `/{lang}/assemblies`: the list, the form calling one, and an assembly with its members,
/// their weights and delegations (a representative's form to delegate or revoke), and its motions.
struct AssembliesWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(PollsSiteURL.assemblies.pathComponents, use: list)
        routes.post(PollsSiteURL.assemblies.pathComponents, use: create)
        routes.get(PollsSiteURL.newAssembly.pathComponents, use: newForm)
        let assembly = PollsSiteURL.assemblies.pathComponents + [":id"]
        routes.get(assembly, use: show)
        routes.post(assembly + ["delegations"], use: delegate)
        routes.post(assembly + ["delegations", ":organization", "revocation"], use: revoke)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await req.render("participation/assembly-list", try await AssembliesPageContext.make(req))
    }

    static func mayCall(_ user: CurrentUser) throws {
        guard SurveyPolicy.mayCreate(user) else { throw PlatformError.forbidden(permission: .representOrganizations) }
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try Self.mayCall(user)
        return try await req.render("participation/assembly-new", try await AssemblyNewPageContext.make(req, form: .empty))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try Self.mayCall(user)
        return try await req.submitting(refusing: PollError.self) {
            let (input, unread) = try req.form(AssemblyForm.self).input()
            guard unread.isEmpty else { throw ValidationFailure(unread) }
            let assembly = try await AssemblyService.create(input, by: user, on: req.db, now: req.now)
            return req.seeOther(AssemblyPageContext.path(assembly, req))
        } refused: { state in
            try await req.render("participation/assembly-new", try await AssemblyNewPageContext.make(req, form: state))
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, try await PollsAPIController.assembly(req), form: .empty)
    }

    func render(_ req: Request, _ assembly: Assembly, form: FormState) async throws -> Response {
        try await req.render("participation/assembly-show", try await AssemblyPageContext.make(assembly, form: form, req))
    }

    @Sendable func delegate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let assembly = try await PollsAPIController.assembly(req)
        return try await req.submitting(refusing: PollError.self) {
            let (input, unread) = try req.form(DelegationForm.self).input()
            guard unread.isEmpty else { throw ValidationFailure(unread) }
            try await AssemblyService.delegate(assembly, input, by: user, on: req.db, now: req.now,
                                               language: req.language)
            return req.seeOther(AssemblyPageContext.path(assembly, req) + "#members")
        } refused: { state in
            try await render(req, assembly, form: state)
        }
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let assembly = try await PollsAPIController.assembly(req)
        _ = try req.form(StepForm.self)
        return try await req.submitting(refusing: PollError.self) {
            try await AssemblyService.revoke(assembly, from: req.parameters.get("organization", as: UUID.self), by: user,
                                             on: req.db, now: req.now)
            return req.seeOther(AssemblyPageContext.path(assembly, req) + "#members")
        } refused: { state in
            try await render(req, assembly, form: state)
        }
    }
}
