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
