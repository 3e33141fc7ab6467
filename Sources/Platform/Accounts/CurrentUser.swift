import Fluent
import SQLKit
import Vapor

/// The signed-in person with their roles, resolved once per request.
public struct CurrentUser: Authenticatable, Sendable {
    public let id: UUID
    public let email: String
    public let displayName: String
    public let language: SiteLanguage
    public let roles: Set<Role>

    public init(id: UUID, email: String, displayName: String, language: SiteLanguage, roles: Set<Role>) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.language = language
        self.roles = roles
    }

    public func may(_ permission: Permission) -> Bool {
        AccessPolicy.allows(roles, permission)
    }

    /// Throws 403 naming the roles that may act, unless the person holds the permission.
    public func require(_ permission: Permission) throws {
        guard may(permission) else { throw PlatformError.forbidden(permission: permission) }
    }

    static func load(userID: UUID, on db: any Database) async throws -> CurrentUser? {
        guard let sql = db as? any SQLDatabase else {
            guard let user = try await User.query(on: db).filter(\.$id == userID).filter(\.$erasedAt == nil)
                .with(\.$roleAssignments).first()
            else { return nil }
            return CurrentUser(
                id: userID, email: user.email, displayName: user.displayName, language: user.preferredLanguage,
                roles: Set(user.roleAssignments.map(\.role))
            )
        }
        return try await first(sql.raw("""
            SELECT u.id, u.email, u.display_name, u.preferred_language, r.role FROM users u
            LEFT JOIN user_roles r ON r.user_id = u.id
            WHERE u.id = \(bind: userID) AND u.erased_at IS NULL
            """).all())
    }

    /// The person a bearer token stands for, while it has not expired: one query for the token, the account and
    /// its roles (every API call and signed-in page asks, so three queries decoded by Fluent were a visible share).
    static func load(tokenHash: String, now: Date, on db: any Database) async throws -> CurrentUser? {
        guard let sql = db as? any SQLDatabase else {
            guard let stored = try await APIToken.query(on: db).filter(\.$tokenHash == tokenHash)
                .filter(\.$expiresAt > now).first()
            else { return nil }
            return try await load(userID: stored.$user.id, on: db)
        }
        return try await first(sql.raw("""
            SELECT u.id, u.email, u.display_name, u.preferred_language, r.role FROM api_tokens t
            JOIN users u ON u.id = t.user_id
            LEFT JOIN user_roles r ON r.user_id = u.id
            WHERE t.token_hash = \(bind: tokenHash) AND t.expires_at > \(bind: now) AND u.erased_at IS NULL
            """).all())
    }

    /// The person of rows `id, email, display_name, preferred_language, role` (one row per role, or one with no role).
    private static func first(_ rows: [any SQLRow]) throws -> CurrentUser? {
        guard let row = rows.first else { return nil }
        let language = SiteLanguage(rawValue: try row.decode(column: "preferred_language", as: String.self)) ?? .default
        return CurrentUser(
            id: try row.decode(column: "id", as: UUID.self), email: try row.decode(column: "email", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self), language: language,
            roles: Set(try rows.compactMap { try $0.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)) }))
    }
}

extension Request {
    /// The signed-in person, or nil.
    public var currentUser: CurrentUser? { auth.get(CurrentUser.self) }

    /// The signed-in person; throws 401 (a web request is sent to the sign-in page).
    public func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw PlatformError.signInRequired }
        return user
    }

    /// The signed-in person holding a permission; throws 401 or 403 naming the roles that may act.
    @discardableResult
    public func require(_ permission: Permission) throws -> CurrentUser {
        let user = try requireUser()
        try user.require(permission)
        return user
    }
}
