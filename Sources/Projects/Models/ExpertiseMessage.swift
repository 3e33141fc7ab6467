import Fluent
import Platform
import Vapor

/// One message of an expertise request's conversation: the expert's advice, or the association's follow-up question.
public final class ExpertiseMessage: Model, @unchecked Sendable {
    public static let schema = "expertise_messages"

    public enum Kind: String, Codable, Sendable {
        case advice, question
    }

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "request_id") public var requestID: UUID
    @Enum(key: "kind") public var kind: Kind
    /// The account that wrote it; its name is shown from the account (an erased one reads "former member").
    @OptionalField(key: "author_user_id") public var authorUserID: UUID?
    @Field(key: "body") public var body: String

    public init() {}

    init(requestID: UUID, kind: Kind, authorUserID: UUID, body: String) {
        self.requestID = requestID
        self.kind = kind
        self.authorUserID = authorUserID
        self.body = body
    }
}
