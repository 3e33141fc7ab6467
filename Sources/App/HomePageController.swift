import Directory
import Platform
import Vapor

/// The home page of each language: what Shabaka is, and the organisations behind it.
struct HomePageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home.pathComponents, use: show)
    }

    struct Context: Encodable {
        let page: PageMeta
        let organizations: [OrganizationSummary]
    }

    @Sendable func show(req: Request) async throws -> Response {
        let organizations = try await OrganizationSummary.featured(on: req.db, language: req.language)
        let context = Context(page: try await PageMeta.make(for: req, titleKey: "home.title"), organizations: organizations)
        return try await req.render("home", context)
    }
}
