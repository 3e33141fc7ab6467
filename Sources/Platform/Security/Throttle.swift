import Fluent
import SQLKit
import Vapor

/// Counts attempts in the database, so that every instance sees the same counts.
///
/// Each attempt takes its slot *before* the work it guards (a password check, a sign-up), with one atomic
/// upsert that returns the new count: forty simultaneous guesses at one account get exactly `limit`
/// password checks, where a read-then-write count let nine through.
public enum Throttle {
    /// Counts one attempt under `key`; throws 429 with `Retry-After` when it is over the rule's limit.
    public static func hit(_ key: String, _ rule: ThrottleRule, on db: any Database, now: Date) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let row = try await sql.raw("""
            INSERT INTO throttle_counters (throttle_key, window_start, hits) VALUES (\(bind: key), \(bind: now), 1)
            ON CONFLICT (throttle_key) DO UPDATE SET
              hits = CASE WHEN throttle_counters.window_start <= \(bind: now.addingTimeInterval(-rule.window))
                          THEN 1 ELSE throttle_counters.hits + 1 END,
              window_start = CASE WHEN throttle_counters.window_start <= \(bind: now.addingTimeInterval(-rule.window))
                                  THEN \(bind: now) ELSE throttle_counters.window_start END
            RETURNING hits, window_start
            """).first()
        guard let row else { return }
        let hits = try row.decode(column: "hits", as: Int.self)
        guard hits > rule.limit else { return }
        let start = try row.decode(column: "window_start", as: Date.self)
        let retryAfter = SafeNumber.integer(start.addingTimeInterval(rule.window).timeIntervalSince(now).rounded(.up)) ?? 1
        throw PlatformError.tooManyAttempts(retryAfterSeconds: max(1, retryAfter))
    }

    /// Forgets the attempts under `key` (a success clears an account's failures).
    public static func clear(_ key: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.delete(from: "throttle_counters").where("throttle_key", .equal, key).run()
    }

    /// Deletes counters whose window ended long ago (the longest rule lasts an hour).
    public static func purge(before date: Date, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.delete(from: "throttle_counters").where("window_start", .lessThan, date).run()
    }
}
