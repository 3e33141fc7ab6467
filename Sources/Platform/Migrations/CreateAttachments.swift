import Fluent

/// The records of attached documents (their bytes are in the files folder).
struct CreateAttachments: AsyncMigration {
    var name: String { "platform.attachments.001.create" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Attachment.schema)
            .id()
            .field("created_at", .datetime)
            .field("owner_type", .string, .required)
            .field("owner_id", .uuid, .required)
            .field("file_name", .string, .required)
            .field("media_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("storage_key", .string, .required)
            .field("uploaded_by_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .unique(on: "storage_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Attachment.schema).delete()
    }
}
