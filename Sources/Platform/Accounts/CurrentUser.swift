import Fluent
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
        guard let user = try await User.query(on: db).filter(\.$id == userID).filter(\.$erasedAt == nil)
            .with(\.$roleAssignments).first()
        else { return nil }
        return CurrentUser(
            id: userID, email: user.email, displayName: user.displayName, language: user.preferredLanguage,
            roles: Set(user.roleAssignments.map(\.role))
        )
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
