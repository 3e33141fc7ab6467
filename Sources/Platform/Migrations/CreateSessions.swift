import Fluent
import SQLKit

/// Sessions of our own (`StoredSession`): hashed keys, the person signed in, creation and last-seen times.
struct CreateSessions: AsyncMigration {
    var name: String { "platform.007.create-sessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sessions")
            .id()
            .field("key_hash", .string, .required)
            .field("data", .dictionary(of: .string), .required)
            .field("user_id", .uuid, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "key_hash")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "sessions_user").on("sessions").column("user_id").run()
        try await sql.create(index: "sessions_last_seen").on("sessions").column("last_seen_at").run()
        // Fluent's session table is replaced; its sessions end (people sign in again once).
        try await sql.drop(table: "_fluent_sessions").ifExists().run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sessions").delete()
    }
}
