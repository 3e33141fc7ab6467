import Fluent
import Vapor

/// One line of the append-only, hash-chained audit log.
public final class AuditEntry: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    // managed fields
    @ID(key: .id) public var id: UUID?

    // data fields
    @Field(key: "seq") public var seq: Int64
    @Field(key: "occurred_at_ms") public var occurredAtMilliseconds: Int64
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "action") public var action: String
    @Field(key: "subject_type") public var subjectType: String
    @Field(key: "subject_id") public var subjectID: String
    @Field(key: "details") public var details: String
    @Field(key: "prev_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String

    public init() {}
}
