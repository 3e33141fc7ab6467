import Fluent
import Vapor

/// A role held by a user.
public final class UserRole: Model, @unchecked Sendable {
    public static let schema = "user_roles"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Field(key: "role") public var role: Role

    // relationships
    @Parent(key: "user_id") public var user: User

    public init() {}

    public init(userID: UUID, role: Role) {
        self.$user.id = userID
        self.role = role
    }
}
