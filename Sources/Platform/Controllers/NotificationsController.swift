import Fluent
import Vapor

/// The signed-in person's in-app notifications.
struct NotificationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.notifications.pathComponents, use: list)
        routes.post(SiteURL.notifications.pathComponents + ["read"], use: markRead)
        routes.post(SiteURL.notifications.pathComponents + [":id", "open"], use: open)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let pageQuery = try PageQuery(from: req)
        let query = UserNotification.query(on: req.db).filter(\.$user.$id == user.id)
        let total = try await query.count()
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id).range(pageQuery.range).all()
        let items = rows.map {
            Item(id: $0.id?.uuidString ?? "",
                 message: req.application.catalog.sentence($0.messageKey, in: req.language, arguments: $0.arguments),
                 unread: $0.readAt == nil, createdAt: $0.createdAt ?? req.now)
        }
        let context = Context(page: try await PageMeta.make(for: req, titleKey: "notifications.title"), notifications: items,
                              pagination: PaginationView(request: pageQuery, total: total, path: req.url.path))
        return try await req.render("platform/notifications", context)
    }

    /// Opening a notification marks it read and goes where it points (a form: opening changes something).
    @Sendable func open(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let notification = try await req.find(UserNotification.self, id: "id", orElse: Abort(.notFound))
        guard notification.$user.id == user.id else { throw Abort(.notFound) }
        if notification.readAt == nil {
            notification.readAt = req.now
            try await notification.save(on: req.db)
        }
        return req.seeOther("/\(req.language.rawValue)/\(notification.link)")
    }

    @Sendable func markRead(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await UserNotification.query(on: req.db).filter(\.$user.$id == user.id).filter(\.$readAt == nil)
            .set(\.$readAt, to: req.now).update()
        return req.seeOther(SiteURL.notifications.path(in: req.language))
    }
}
