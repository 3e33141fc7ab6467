import Fluent
import SQLKit
import Vapor

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
