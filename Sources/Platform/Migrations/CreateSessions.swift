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

/// Attempt counters for `Throttle` (one row per key, updated atomically); replaces `login_attempts`.
struct CreateThrottleCounters: AsyncMigration {
    var name: String { "platform.008.create-throttle-counters" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(table: "throttle_counters")
            .column("throttle_key", type: .text, .primaryKey(autoIncrement: false))
            .column("window_start", type: .timestamp, .notNull)
            .column("hits", type: .bigint, .notNull)
            .run()
        try await sql.create(index: "throttle_counters_window").on("throttle_counters").column("window_start").run()
        try await sql.drop(table: "login_attempts").ifExists().run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(table: "throttle_counters").run()
    }
}
