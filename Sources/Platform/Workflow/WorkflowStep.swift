import Fluent
import Vapor

/// One recorded step of any workflow: who, when, from, to and why. The history of every procedure.
public final class WorkflowStep: Model, @unchecked Sendable {
    public static let schema = "workflow_steps"

    // managed fields
    @ID(key: .id) public var id: UUID?

    // data fields
    @Field(key: "workflow") public var workflow: String
    @Field(key: "subject_id") public var subjectID: UUID
    @Field(key: "action") public var action: String
    @OptionalField(key: "from_state") public var fromState: String?
    @Field(key: "to_state") public var toState: String
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "actor_label") public var actorLabel: String
    @OptionalField(key: "reason") public var reason: String?
    @Field(key: "occurred_at") public var occurredAt: Date

    public init() {}

    /// Records a step and its audit entry; call inside the transaction of the state change.
    @discardableResult
    public static func record(
        workflow: String, subjectID: UUID, action: String, from: String?, to: String, actor: AuditActor,
        reason: String?, on db: any Database, at date: Date
    ) async throws -> WorkflowStep {
        let step = WorkflowStep()
        step.workflow = workflow
        step.subjectID = subjectID
        step.action = action
        step.fromState = from
        step.toState = to
        step.actorID = actor.id
        step.actorLabel = actor.label
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        step.reason = (trimmed?.isEmpty ?? true) ? nil : trimmed
        step.occurredAt = date
        try await step.create(on: db)
        var details = ["from": from ?? "", "to": to]
        if let reason = step.reason { details["reason"] = reason }
        try await AuditLog.record(on: db, actor: actor, action: "\(workflow).\(action)", subjectType: workflow,
                                  subjectID: subjectID.uuidString, details: details, at: date)
        return step
    }

    /// The history of one subject, oldest first.
    public static func history(workflow: String, subjectID: UUID, on db: any Database) async throws -> [WorkflowStep] {
        try await query(on: db).filter(\.$workflow == workflow).filter(\.$subjectID == subjectID)
            .sort(\.$occurredAt).sort(.path(["seq"], schema: schema), .ascending).all()
    }
}
