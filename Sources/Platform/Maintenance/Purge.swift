import Fluent
import Vapor

/// Forgets what has outlived its use: expired sessions, old attempt counters, remembered submissions, spent
/// or expired one-time links and the secrets of unsent mail. `serve` runs it every ten minutes;
/// `shabaka purge` runs it once.
public enum Purge {
    public struct Report: Sendable, Equatable {
        public var sessions = 0
    }

    @discardableResult
    public static func run(on db: any Database, now: Date, limits: SessionLimits) async throws -> Report {
        var report = Report()
        let expired = try await StoredSession.query(on: db).group(.or) {
            $0.filter(\.$lastSeenAt < now.addingTimeInterval(-limits.idle))
                .filter(\.$createdAt < now.addingTimeInterval(-limits.lifetime))
        }
        report.sessions = try await expired.count()
        try await expired.delete()
        // The longest attempt window is an hour; a day later a counter means nothing.
        try await Throttle.purge(before: now.addingTimeInterval(-86_400), on: db)
        try await SubmissionGuard.purge(now: now, on: db)
        try await AccountToken.query(on: db).filter(\.$expiresAt < now).delete()
        try await Outbox.forgetExpiredSecrets(on: db, now: now)
        return report
    }

    /// The worker `serve` starts.
    public static let worker = PeriodicWorker("purge", every: .seconds(600)) { app in
        try await run(on: app.db, now: app.clock.now(), limits: app.shabakaConfig.sessionLimits)
    }
}
