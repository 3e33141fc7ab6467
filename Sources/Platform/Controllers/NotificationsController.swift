import Fluent
import Vapor

/// The signed-in person's in-app notifications.
struct NotificationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.notifications.pathComponents, use: list)
        routes.post(SiteURL.notifications.pathComponents + ["read"], use: markRead)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let pageQuery = try PageQuery(from: req)
        let query = UserNotification.query(on: req.db).filter(\.$user.$id == user.id)
        let total = try await query.count()
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id).range(pageQuery.range).all()
        let items = rows.map {
            Item(message: req.application.catalog.text($0.messageKey, in: req.language, arguments: $0.arguments),
                 link: "/\(req.language.rawValue)/\($0.link)", unread: $0.readAt == nil,
                 createdAt: ($0.createdAt ?? Date()).iso8601)
        }
        let context = Context(page: try await PageMeta.make(for: req, titleKey: "notifications.title"), notifications: items,
                              pagination: PaginationView(request: pageQuery, total: total, path: req.url.path))
        return try await req.render("platform/notifications", context)
    }

    @Sendable func markRead(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await UserNotification.query(on: req.db).filter(\.$user.$id == user.id).filter(\.$readAt == nil)
            .set(\.$readAt, to: req.now).update()
        return req.seeOther(SiteURL.notifications.path(in: req.language))
    }
}
