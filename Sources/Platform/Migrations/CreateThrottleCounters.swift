import Fluent
import SQLKit

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
