import Fluent
import Vapor

public struct AuditCommands: AsyncCommandGroup {
    public var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand()] }
    public var help: String { "Audit log tools." }
    public init() {}
}
