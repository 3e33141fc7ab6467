import Directory
import Fluent
import Platform
import Vapor

/// A proposed solution or alternative.
public struct SolutionInput: Content, Sendable {
    public var description: String?
    public var costMinor: Int64?
    public var durationDays: Int?
    public init() {}
}
