import Platform
import Vapor

/// The public dashboard: `/{lang}/dashboard` (filters `wilaya`, `domain`, `year` in the address) and the same
/// figures as JSON at `GET /api/v1/insights/dashboard`.
struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(InsightsSiteURL.dashboard.pathComponents, use: page)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let filter = try await DashboardFilter(req)
        return try await req.application.insightsCache.page(filter, req) { dashboard in
            try await req.view.render("insights/dashboard", try await DashboardPageContext.make(dashboard, filter: filter, req))
        }
    }

    struct API: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.get("api", "v1", "insights", "dashboard", use: dashboard)
        }

        @Sendable func dashboard(req: Request) async throws -> Response {
            let filter = try await DashboardFilter(req)
            return try await req.application.insightsCache.json(filter, on: req.db, now: req.now)
        }
    }
}
