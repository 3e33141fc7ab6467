import Fluent
import SQLKit
import Vapor

/// A state of a workflow ("clear procedures", DESIGN.md): stored as its raw string.
public protocol WorkflowState: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {}

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

/// Why a workflow step was refused.
public enum WorkflowError: ShabakaError, Equatable {
    case notAllowed(workflow: String, action: String, state: String, allowed: [String])
    case roleNotAllowed(workflow: String, action: String, roles: [Role])
    case reasonRequired
    case unknownAction(String)
    /// Someone else moved the subject on between reading it and this step.
    case changedMeanwhile

    public var status: HTTPResponseStatus {
        switch self {
        case .notAllowed, .changedMeanwhile: .conflict
        case .roleNotAllowed: .forbidden
        case .reasonRequired, .unknownAction: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .notAllowed: "workflow.transition_not_allowed"
        case .roleNotAllowed: "workflow.role_not_allowed"
        case .reasonRequired: "workflow.reason_required"
        case .unknownAction: "workflow.unknown_action"
        case .changedMeanwhile: "workflow.changed_meanwhile"
        }
    }

    public var messageKey: String {
        switch self {
        case .notAllowed(_, _, _, let allowed): allowed.isEmpty ? "error.workflow.final_state" : "error.workflow.not_allowed"
        case .roleNotAllowed: "error.workflow.role_not_allowed"
        case .reasonRequired: "error.workflow.reason_required"
        case .unknownAction: "error.workflow.unknown_action"
        case .changedMeanwhile: "error.workflow.changed_meanwhile"
        }
    }

    public var fieldErrors: [FieldError] {
        switch self {
        case .reasonRequired: [FieldError("reason", "validation.required")]
        case .unknownAction: [FieldError("action", "validation.invalid_choice")]
        default: []
        }
    }

    /// Placeholders are filled by ``localizedArguments(_:)`` because they name actions and roles in the
    /// reader's language.
    public var messageArguments: [String] { [] }

    public func localizedArguments(_ text: (String) -> String) -> [String] {
        switch self {
        case .notAllowed(let workflow, let action, let state, let allowed):
            [text("workflow.\(workflow).action.\(action)"), text("workflow.\(workflow).state.\(state)"),
             allowed.map { text("workflow.\(workflow).action.\($0)") }.joined(separator: text("list.separator"))]
        case .roleNotAllowed(let workflow, let action, let roles):
            [text("workflow.\(workflow).action.\(action)"), roles.map { text("role.\($0.rawValue)") }.joined(separator: text("list.separator"))]
        case .unknownAction(let action):
            [action]
        case .reasonRequired, .changedMeanwhile:
            []
        }
    }
}

/// Compare-and-set on a workflow row: inside the transaction of a step, claims the row only if it is still in the
/// state the step was checked against (a row lock on PostgreSQL, the write lock on SQLite), so two concurrent steps
/// cannot both apply.
public enum WorkflowGuard {
    public static func claim(_ table: String, id: UUID, state expected: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let claimed = try await sql.update(table).set("state", to: SQLColumn("state"))
            .where("id", .equal, SQLBind(id)).where("state", .equal, SQLBind(expected))
            .returning("id").first()
        guard claimed != nil else { throw WorkflowError.changedMeanwhile }
    }
}
