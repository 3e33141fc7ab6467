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
