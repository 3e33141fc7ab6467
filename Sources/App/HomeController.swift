import Directory
import Platform
import Vapor

/// `/` sends each visitor to their language (Accept-Language, default Arabic).
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get { req -> Response in
            let language = SiteLanguage.negotiate(req.headers.first(name: .acceptLanguage))
            let response = req.redirect(to: SiteURL.home.path(in: language), redirectType: .normal)
            response.headers.replaceOrAdd(name: .vary, value: "Accept-Language")
            return response
        }
    }
}

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
