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
        /// The search and the role filter as asked, and how many people match.
        let q: String
        let role: String
        let total: Int
        let pagination: PaginationView
        let message: String?
    }
}
