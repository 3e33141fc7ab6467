import Fluent
import Vapor

public struct CommandUsageError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
