import Fluent
import SQLKit
import Vapor

/// One allowed step: from which states, to which state, under which permission, whether a written reason is
/// required, and whether it is destructive.
public struct WorkflowTransition<State: WorkflowState>: Sendable {
    public let action: String
    public let from: Set<State>
    public let to: State
    public let permission: Permission
    public let requiresReason: Bool
    /// Undoes, ends or refuses something (reject, terminate, withdraw, escalate, cancel…). Pages show it apart
    /// from the other steps and ask for confirmation on a second step before taking it (``Request/takingStep``);
    /// the API takes it in one call (calling it is the confirmation).
    public let destructive: Bool

    public init(_ action: String, from: Set<State>, to: State, permission: Permission, requiresReason: Bool = false,
                destructive: Bool = false) {
        self.action = action
        self.from = from
        self.to = to
        self.permission = permission
        self.requiresReason = requiresReason
        self.destructive = destructive
    }
}
