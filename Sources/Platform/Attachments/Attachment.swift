import Fluent
import Vapor

/// A document attached to a record of some room (a progress report, a difficulty, an expertise request, an
/// agreement): its bytes live in the files folder under `storageKey`, never in the database.
public final class Attachment: Model, @unchecked Sendable {
    public static let schema = "attachments"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// What it is attached to: a kind registered by a room (`report`, `difficulty`…) and the record's id.
    @Field(key: "owner_type") public var ownerType: String
    @Field(key: "owner_id") public var ownerID: UUID
    /// The name it had on the person's computer (cleaned); shown and offered when downloading.
    @Field(key: "file_name") public var fileName: String
    /// The type found in its bytes.
    @Field(key: "media_type") public var mediaType: String
    @Field(key: "size") public var size: Int
    @Field(key: "sha256") public var sha256: String
    @Field(key: "storage_key") public var storageKey: String
    @OptionalField(key: "uploaded_by_user_id") public var uploadedByUserID: UUID?

    public init() {}
}
