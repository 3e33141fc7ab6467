import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// Who may run a process beyond what roles grant: the network's staff, or the representatives of the
/// organisation that organises it.
public enum ParticipationPolicy {
    public static func isOrganizer(_ user: CurrentUser?, of process: ParticipatoryProcess, on db: any Database)
        async throws -> Bool
    {
        guard let user else { return false }
        if user.may(.manageProcesses) { return true }
        guard user.may(.representOrganizations) else { return false }
        return try await Representation.represents(userID: user.id, organizationID: process.organizerID, on: db)
    }

    public static func requireOrganizer(_ user: CurrentUser, of process: ParticipatoryProcess, on db: any Database)
        async throws
    {
        guard try await isOrganizer(user, of: process, on: db) else { throw ParticipationError.notTheOrganizer }
    }

    /// Refuses a suspended account (until the suspension's last day has passed). One column by SQL: asked before
    /// every post and every ballot.
    public static func requireNotSuspended(_ user: CurrentUser, on db: any Database, now: Date) async throws {
        let today = ISODate.string(now)
        guard let sql = db as? any SQLDatabase else { return }
        let row = try await sql.raw("""
            SELECT until FROM participation_suspensions
            WHERE user_id = \(bind: user.id) AND lifted_at IS NULL AND until >= \(bind: today)
            ORDER BY until DESC LIMIT 1
            """).first()
        if let until = try row?.decode(column: "until", as: String.self) { throw ParticipationError.suspended(until: until) }
    }

    /// Posting (proposals, debates, comments) is limited per person: at most 10 posts a minute, 60 an hour.
    public static let postsPerMinute = ThrottleRule(limit: 10, window: 60)
    public static let postsPerHour = ThrottleRule(limit: 60, window: 3600)

    /// What every post checks: the right to take part, no suspension, and the rate limit.
    static func requireMayPost(_ user: CurrentUser, on db: any Database, now: Date) async throws {
        try user.require(.participate)
        try await requireNotSuspended(user, on: db, now: now)
        try await Throttle.hit("participation.post.minute:\(user.id)", postsPerMinute, on: db, now: now)
        try await Throttle.hit("participation.post.hour:\(user.id)", postsPerHour, on: db, now: now)
    }
}
