import Directory
import Fluent
import Platform
import Vapor

/// Any other step: `diagnose` (the cause in `reason`), `resolve` (what was done), `escalate` (why).
public struct DifficultyStepInput: Content, Sendable {
    public var action: String?
    public var reason: String?
    public init() {}
}
