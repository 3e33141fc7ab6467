import Fluent
import Vapor

/// A workflow step as pages and the API show it.
public struct WorkflowStepView: Content {
    public let action: String
    public let from: String?
    public let to: String
    public let actor: String
    public let reason: String?
    public let at: Date

    public init(_ step: WorkflowStep) {
        action = step.action
        from = step.fromState
        to = step.toState
        actor = step.actorLabel
        reason = step.reason
        at = step.occurredAt
    }
}
