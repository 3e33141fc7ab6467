import Directory
import Fluent
import Foundation
import Platform
import Vapor

/// One step of a procedure as pages show it: what, from which states, who may take it, whether a reason is needed.
struct ProcedureLine: Encodable {
    let action: String
    let from: String
    let roles: String
    let reason: Bool

    static func lines<State: WorkflowState>(_ workflow: Workflow<State>, _ req: Request) -> [ProcedureLine] {
        let separator = req.t("list.separator")
        return workflow.transitions.map { transition in
            ProcedureLine(
                action: transition.action,
                from: State.allCases.filter { transition.from.contains($0) }
                    .map { req.t("workflow.\(workflow.name).state.\($0.rawValue)") }.joined(separator: separator),
                roles: AccessPolicy.roles(granting: transition.permission).filter { $0 != .admin }
                    .map { req.t("role." + $0.rawValue) }.joined(separator: separator),
                reason: transition.requiresReason)
        }
    }
}
