import Fluent
import SQLKit

/// The conversation of an expertise request (advice and follow-up questions).
struct CreateExpertiseMessages: AsyncMigration {
    var name: String { "projects.006.create-expertise-messages" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ExpertiseMessage.schema)
            .id()
            .field("created_at", .datetime)
            .field("request_id", .uuid, .required, .references("expertise_requests", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("author_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("body", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "expertise_messages_request").on(ExpertiseMessage.schema).column("request_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ExpertiseMessage.schema).delete()
    }
}
