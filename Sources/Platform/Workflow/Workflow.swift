import Fluent
import SQLKit
import Vapor

/// A table of allowed transitions. `check` is the single gate every workflow step goes through.
public struct Workflow<State: WorkflowState>: Sendable {
    /// Names the workflow in error messages and catalog keys (`workflow.<name>.state.<state>`).
    public let name: String
    public let transitions: [WorkflowTransition<State>]

    public init(name: String, transitions: [WorkflowTransition<State>]) {
        self.name = name
        self.transitions = transitions
    }

    /// The actions possible from a state, whoever asks.
    public func actions(from state: State) -> [WorkflowTransition<State>] {
        transitions.filter { $0.from.contains(state) }
    }

    /// The actions this person may take from a state.
    public func actions(from state: State, for user: CurrentUser) -> [WorkflowTransition<State>] {
        actions(from: state).filter { user.may($0.permission) }
    }

    /// Validates one step; throws an error naming what is allowed instead.
    public func check(action: String, from state: State, user: CurrentUser, reason: String?) throws -> WorkflowTransition<State> {
        guard transitions.contains(where: { $0.action == action }) else { throw WorkflowError.unknownAction(action) }
        let possible = actions(from: state)
        guard let transition = possible.first(where: { $0.action == action }) else {
            throw WorkflowError.notAllowed(
                workflow: name, action: action, state: state.rawValue, allowed: possible.map(\.action))
        }
        guard user.may(transition.permission) else {
            throw WorkflowError.roleNotAllowed(
                workflow: name, action: action, roles: AccessPolicy.roles(granting: transition.permission))
        }
        if transition.requiresReason, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw WorkflowError.reasonRequired
        }
        return transition
    }
}
