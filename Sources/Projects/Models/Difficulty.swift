import Fluent
import Platform
import Vapor

/// A difficulty met by a project, from report to resolution; every step keeps its author and time.
public final class Difficulty: Model, @unchecked Sendable {
    public static let schema = "difficulties"

    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Enum(key: "category") public var category: DifficultyCategory
    @Enum(key: "severity") public var severity: DifficultySeverity
    @Field(key: "title") public var title: String
    @Field(key: "description") public var details: String
    @Enum(key: "state") public var state: DifficultyState
    /// Free text from before author ids (the demo's organisations); new steps keep only the account id.
    @Field(key: "reported_by") public var reportedBy: String
    @OptionalField(key: "reported_by_user_id") public var reportedByUserID: UUID?
    @Field(key: "reported_at") public var reportedAt: Date
    @OptionalField(key: "cause") public var cause: String?
    @OptionalField(key: "diagnosed_by") public var diagnosedBy: String?
    @OptionalField(key: "diagnosed_by_user_id") public var diagnosedByUserID: UUID?
    @OptionalField(key: "diagnosed_at") public var diagnosedAt: Date?
    @OptionalField(key: "chosen_solution_id") public var chosenSolutionID: UUID?
    @OptionalField(key: "decision_reason") public var decisionReason: String?
    @OptionalField(key: "decision_owner") public var decisionOwner: String?
    @OptionalField(key: "decision_deadline") public var decisionDeadline: String?
    @OptionalField(key: "decided_by") public var decidedBy: String?
    @OptionalField(key: "decided_by_user_id") public var decidedByUserID: UUID?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "closed_note") public var closedNote: String?
    @OptionalField(key: "closed_at") public var closedAt: Date?

    public init() {}

    /// Decided, and the decision's deadline is before `now`'s day: pages say so at once; only the worker and
    /// `shabaka projects escalate` change its state (a page view never writes).
    public func isOverdue(on now: Date) -> Bool {
        state == .decided && (decisionDeadline.map { $0 < ISODate.string(now) } ?? false)
    }
}
