import Fluent
import Vapor

extension Workflow {
    /// Takes a checked step on a stored subject whose new state is set, in one transaction: claims its row in the
    /// state the step was checked against (``WorkflowGuard``), saves it, records the step (who, when, from, to,
    /// why), then does the step's other writes (`also`: notifications, rows the step creates). `column` names the
    /// subject's state column when it is not `state`.
    public func apply<M: Model>(
        _ step: WorkflowTransition<State>, to subject: M, from: State, by actor: AuditActor, reason: String?,
        on db: any Database, at now: Date, column: String = "state",
        also: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    ) async throws where M.IDValue == UUID {
        let id = try subject.requireID()
        let name = name
        try await db.transaction { tx in
            try await WorkflowGuard.claim(M.schema, id: id, state: from.rawValue, column: column, on: tx)
            try await subject.save(on: tx)
            try await WorkflowStep.record(workflow: name, subjectID: id, action: step.action, from: from.rawValue,
                                          to: step.to.rawValue, actor: actor, reason: reason, on: tx, at: now)
            try await also(tx)
        }
    }
}
