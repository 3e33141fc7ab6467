import Fluent
import Vapor

/// `shabaka audit verify`: re-checks the hash chain; exits non-zero naming the first broken entry.
public struct AuditVerifyCommand: AsyncCommand {
    public struct Signature: CommandSignature { public init() {} }
    public var help: String { "Verify the audit log's hash chain." }
    public init() {}

    public func run(using context: CommandContext, signature: Signature) async throws {
        switch try await AuditLog.verify(on: context.application.db) {
        case .intact(let entries):
            context.console.print("audit log intact: \(entries) entries verified")
        case .broken(let seq, let id, let reason):
            let name = id.map { " (id \($0.uuidString))" } ?? ""
            context.console.error("audit log BROKEN at entry \(seq)\(name): \(reason)")
            throw AuditBroken(seq: seq)
        }
    }
}

public struct AuditBroken: Error, CustomStringConvertible {
    public var seq: Int64
    public var description: String { "audit log broken at entry \(seq)" }
}

public struct AuditCommands: AsyncCommandGroup {
    public var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand()] }
    public var help: String { "Audit log tools." }
    public init() {}
}

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

public struct OutboxCommands: AsyncCommandGroup {
    public var commands: [String: any AnyAsyncCommand] { ["deliver": OutboxDeliverCommand()] }
    public var help: String { "Mail outbox tools." }
    public init() {}
}
