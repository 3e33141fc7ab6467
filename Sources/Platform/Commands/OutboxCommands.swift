import Fluent
import Vapor

public struct OutboxCommands: AsyncCommandGroup {
    public var commands: [String: any AnyAsyncCommand] { ["deliver": OutboxDeliverCommand()] }
    public var help: String { "Mail outbox tools." }
    public init() {}
}
