import Fluent
import Platform
import Vapor

/// A dated follow-up entry on an agreement or one of its commitments.
public final class FollowUp: Model, @unchecked Sendable {
    public static let schema = "follow_ups"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "agreement_id") public var agreementID: UUID
    @OptionalField(key: "commitment_id") public var commitmentID: UUID?
    @Field(key: "occurred_on") public var occurredOn: String
    @OptionalField(key: "author_id") public var authorID: UUID?
    @Field(key: "author_name") public var authorName: String
    @Field(key: "text") public var text: String
    @OptionalField(key: "evidence_url") public var evidenceURL: String?
    @OptionalField(key: "progress") public var progress: Int?

    public init() {}
}
