import Fluent
import Vapor

/// `shabaka purge`: the periodic clean-up, once (for cron, or after changing the session limits).
public struct PurgeCommand: AsyncCommand {
    public struct Signature: CommandSignature { public init() {} }
    public var help: String { "Delete expired sessions, old attempt counters, remembered submissions and spent links." }
    public init() {}

    public func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let report = try await Purge.run(on: app.db, now: app.clock.now(), limits: app.shabakaConfig.sessionLimits)
        context.console.print("purged: \(report.sessions) expired sessions")
    }
}
