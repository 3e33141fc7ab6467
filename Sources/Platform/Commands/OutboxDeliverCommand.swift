import Fluent
import Vapor

/// `shabaka outbox deliver`: delivers due messages once (the server also does it in the background).
public struct OutboxDeliverCommand: AsyncCommand {
    public struct Signature: CommandSignature { public init() {} }
    public var help: String { "Deliver the outbox's due messages through SHABAKA_SENDMAIL once." }
    public init() {}

    public func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let path = app.shabakaConfig.sendmailPath else {
            throw CommandUsageError("SHABAKA_SENDMAIL is not set: messages stay in the outbox")
        }
        let report = try await OutboxDelivery(sendmailPath: path, from: app.shabakaConfig.mailFrom)
            .deliverDue(on: app.db, now: app.clock.now(), threadPool: app.threadPool)
        context.console.print("sent \(report.sent), retrying \(report.retrying), failed \(report.failed)")
    }
}
