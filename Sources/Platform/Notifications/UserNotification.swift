import Fluent
import Vapor

/// An in-app notification; the same news also goes to the person's e-mail through the outbox.
public final class UserNotification: Model, @unchecked Sendable {
    public static let schema = "notifications"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Field(key: "message_key") public var messageKey: String
    @Field(key: "arguments") public var arguments: [String]
    @Field(key: "link") public var link: String
    @OptionalField(key: "read_at") public var readAt: Date?

    // relationships
    @Parent(key: "user_id") public var user: User

    public init() {}
}

extension Array where Element: Hashable {
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
