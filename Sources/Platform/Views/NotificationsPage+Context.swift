import Fluent
import Vapor

/// The page contexts of NotificationsController.
extension NotificationsController {
    struct Item: Encodable {
        let message: String
        let link: String
        let unread: Bool
        let createdAt: String
    }

    struct Context: Encodable {
        let page: PageMeta
        let notifications: [Item]
        let pagination: PaginationView
    }
}
