import Fluent
import Vapor

/// A browser session, stored by the SHA-256 of its cookie (a leaked table holds no usable session) with the
/// times that bound its life and the person signed in, so that all of a person's sessions can be ended.
final class StoredSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "data") var data: [String: String]
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}

    init(keyHash: String, data: [String: String], userID: UUID?, at now: Date) {
        self.keyHash = keyHash
        self.data = data
        self.userID = userID
        self.createdAt = now
        self.lastSeenAt = now
    }

    /// Ended by the idle timeout (no request for `idle`) or by the absolute one (older than `lifetime`).
    func isExpired(at now: Date, limits: SessionLimits) -> Bool {
        now.timeIntervalSince(lastSeenAt) > limits.idle || now.timeIntervalSince(createdAt) > limits.lifetime
    }
}
