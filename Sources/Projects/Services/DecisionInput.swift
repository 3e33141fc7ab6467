import Directory
import Fluent
import Platform
import Vapor

/// The decision: which solution, why, who carries it out and by when.
public struct DecisionInput: Content, Sendable {
    public var solutionID: UUID?
    public var reason: String?
    public var owner: String?
    public var deadline: String?
    public init() {}
}
