import Fluent
import Vapor

/// The page contexts of AdminController.
extension AdminController {
    struct OutboxRow: Encodable {
        let recipient: String
        let subject: String
        let body: String
        let status: String
        let attempts: Int
        let lastError: String?
        let createdAt: String
    }

    struct OutboxContext: Encodable {
        let page: PageMeta
        let messages: [OutboxRow]
        let pagination: PaginationView
    }

    struct UserRow: Encodable {
        let id: String
        let name: String
        let email: String
        let roles: [String]
    }

    struct UsersContext: Encodable {
        let page: PageMeta
        let users: [UserRow]
        let allRoles: [String]
        let pagination: PaginationView
        let message: String?
    }
}
