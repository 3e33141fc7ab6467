import Fluent
import Vapor

/// `/{lang}/admin`: what waits for the signed-in person (the rooms' work queues they may act on: applications to
/// review, organisations to verify, requests to assign, overdue difficulties…), and the administration's tools.
struct AdminHomeController: RouteCollection {
    static let shownPerQueue = 5

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.admin.pathComponents, use: home)
    }

    /// Whoever has a queue to work on, or an administration tool, has this page (and the navigation's link to it).
    static func mayOpen(_ user: CurrentUser, _ app: Application) -> Bool {
        user.may(.readOutbox) || user.may(.manageUsers) || !app.workQueues.visible(to: user).isEmpty
    }

    struct Line: Encodable {
        let title: LocalizedText?
        let text: String?
        let link: String
        let since: Date?
    }

    struct Queue: Encodable {
        let key: String
        let total: Int
        let items: [Line]
        let more: Int
    }

    struct Context: Encodable {
        let page: PageMeta
        let queues: [Queue]
        let waiting: Int
        let outbox: Bool
        let users: Bool
        let importOrganizations: Bool
    }

    @Sendable func home(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard Self.mayOpen(user, req.application) else { throw PlatformError.forbidden(permission: .manageUsers) }
        var queues: [Queue] = []
        for queue in req.application.workQueues.visible(to: user) {
            let (items, total) = try await queue.load(req.db, Self.shownPerQueue, req.now)
            queues.append(Queue(
                key: queue.key, total: total,
                items: items.map {
                    Line(title: $0.title.map { LocalizedText($0, in: req.language) }, text: $0.text, link: "/\(req.language.rawValue)/\($0.link)",
                         since: $0.since)
                },
                more: max(0, total - items.count)))
        }
        return try await req.render("platform/admin-home", Context(
            page: try await PageMeta.make(for: req, titleKey: "admin.home.title"), queues: queues,
            waiting: queues.reduce(0) { $0 + $1.total }, outbox: user.may(.readOutbox), users: user.may(.manageUsers),
            importOrganizations: user.may(.manageOrganizations)))
    }
}
