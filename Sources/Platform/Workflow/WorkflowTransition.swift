import Fluent
import SQLKit
import Vapor

/// One allowed step: from which states, to which state, under which permission, and whether a written
/// reason is required.
public struct WorkflowTransition<State: WorkflowState>: Sendable {
    public let action: String
    public let from: Set<State>
    public let to: State
    public let permission: Permission
    public let requiresReason: Bool

    public init(_ action: String, from: Set<State>, to: State, permission: Permission, requiresReason: Bool = false) {
        self.action = action
        self.from = from
        self.to = to
        self.permission = permission
        self.requiresReason = requiresReason
    }
}
