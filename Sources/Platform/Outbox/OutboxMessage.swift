import Fluent
import Vapor

/// An e-mail waiting in, or sent from, the outbox.
public final class OutboxMessage: Model, @unchecked Sendable {
    public static let schema = "outbox_messages"

    public enum Status: String, Codable, Sendable, CaseIterable {
        case pending, sent, failed
    }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @Field(key: "kind") public var kind: String
    @Enum(key: "status") public var status: Status
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @OptionalField(key: "sent_at") public var sentAt: Date?
    /// Stands in the stored body where the secret goes; the secret itself is kept beside it until sent.
    @OptionalField(key: "secret") public internal(set) var secret: String?
    @OptionalField(key: "secret_expires_at") var secretExpiresAt: Date?

    /// What the stored body carries in place of a secret (a one-time link's token).
    public static let secretMarker = "[[secret]]"

    /// The text that goes out: the body with its secret, if it is still held.
    var deliverableBody: String {
        body.replacingOccurrences(of: Self.secretMarker, with: secret ?? "")
    }

    public init() {}

    public init(recipient: String, subject: String, body: String, kind: String, at date: Date) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.kind = kind
        self.status = .pending
        self.attempts = 0
        self.nextAttemptAt = date
    }
}
