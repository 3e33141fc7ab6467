import Fluent
import Vapor

/// The page contexts of NotificationsController.
extension NotificationsController {
    struct Item: Encodable {
        let id: String
        let message: String
        let unread: Bool
        let createdAt: Date
    }

    struct Context: Encodable {
        let page: PageMeta
        let notifications: [Item]
        let pagination: PaginationView
    }
}
