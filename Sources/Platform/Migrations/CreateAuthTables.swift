import Fluent
import SQLKit

struct CreateAuthTables: AsyncMigration {
    var name: String { "platform.002.create-auth-tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("password_resets")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("login_attempts")
            .id()
            .field("throttle_key", .string, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "login_attempts_key_time").on("login_attempts")
                .column("throttle_key").column("attempted_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["login_attempts", "password_resets", "api_tokens"] {
            try await database.schema(table).delete()
        }
    }
}
