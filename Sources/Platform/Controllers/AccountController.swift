import Fluent
import Vapor

/// The signed-in person's own page.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.account.pathComponents, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let page = try await PageMeta.make(for: req, titleKey: "account.title")
        let context = Context(
            page: page, name: user.displayName, email: user.email,
            roles: user.roles.map(\.rawValue).sorted(), welcome: req.query[String.self, at: "welcome"] == "1")
        return try await req.render("platform/account", context)
    }
}
