import Fluent
import Platform
import Vapor

/// What kind of difficulty a project meets.
public enum DifficultyCategory: String, CaseIterable, Codable, Sendable {
    case funding, administrative, legal, skills
    case marketAccess = "market_access"
    case partnership, other
}

public enum DifficultySeverity: String, CaseIterable, Codable, Sendable {
    case low, medium, high, critical
}

/// Reported → diagnosed → (solutions proposed) → decided → resolved, or escalated to the observatory when
/// the decision's deadline passes.
public enum DifficultyState: String, WorkflowState {
    case reported, diagnosed, decided, resolved, escalated
}

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

/// A solution or alternative proposed for a difficulty, with its cost and time.
public final class Solution: Model, @unchecked Sendable {
    public static let schema = "difficulty_solutions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "difficulty_id") public var difficultyID: UUID
    @Field(key: "description") public var details: String
    @Field(key: "cost_minor") public var costMinor: Int64
    @Field(key: "duration_days") public var durationDays: Int
    @OptionalField(key: "proposer_id") public var proposerID: UUID?
    @Field(key: "proposer_name") public var proposerName: String
    @Field(key: "proposed_at") public var proposedAt: Date

    public init() {}
}

/// open → assigned → completed (with the association's feedback), or cancelled.
public enum ExpertiseRequestState: String, WorkflowState {
    case open, assigned, completed, cancelled
}

/// An association's request for an expert's help in a domain.
public final class ExpertiseRequest: Model, @unchecked Sendable {
    public static let schema = "expertise_requests"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @OptionalField(key: "project_id") public var projectID: UUID?
    @Field(key: "domain_code") public var domainCode: String
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    @Field(key: "language") public var language: String
    @Field(key: "subject") public var subject: String
    @Field(key: "description") public var details: String
    @Enum(key: "state") public var state: ExpertiseRequestState
    @OptionalField(key: "expert_id") public var expertID: UUID?
    @OptionalField(key: "feedback") public var feedback: String?
    @OptionalField(key: "rating") public var rating: Int?
    @Field(key: "requested_by") public var requestedBy: String
    @OptionalField(key: "requested_by_user_id") public var requestedByUserID: UUID?
    @Field(key: "requested_at") public var requestedAt: Date

    public init() {}
}

/// Money, goods or skills.
public enum PledgeKind: String, CaseIterable, Codable, Sendable {
    case money
    case inKind = "in_kind"
    case skills
}

/// pledged → confirmed → fulfilled (when deliveries reach the pledged value), or cancelled.
public enum PledgeState: String, WorkflowState {
    case pledged, confirmed, fulfilled, cancelled
}

/// A company's social-responsibility pledge to a project or to the network, valued in minor units.
public final class CSRPledge: Model, @unchecked Sendable {
    public static let schema = "csr_pledges"

    @ID(key: .id) public var id: UUID?
    @Field(key: "company_id") public var companyID: UUID
    @OptionalField(key: "project_id") public var projectID: UUID?
    @Enum(key: "kind") public var kind: PledgeKind
    @Field(key: "description") public var details: String
    @Field(key: "value_minor") public var valueMinor: Int64
    @Field(key: "delivered_minor") public var deliveredMinor: Int64
    @Field(key: "currency") public var currency: String
    @Enum(key: "state") public var state: PledgeState
    @Field(key: "pledged_on") public var pledgedOn: String

    public init() {}

    /// Delivered share of the pledged value, 0…100.
    public var fulfilment: Double {
        valueMinor > 0 ? min(100, Double(deliveredMinor) * 100 / Double(valueMinor)) : 0
    }
}

/// One delivery against a pledge.
public final class CSRDelivery: Model, @unchecked Sendable {
    public static let schema = "csr_deliveries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "pledge_id") public var pledgeID: UUID
    @Field(key: "delivered_on") public var deliveredOn: String
    @Field(key: "value_minor") public var valueMinor: Int64
    @Field(key: "note") public var note: String
    @Field(key: "recorded_by") public var recordedBy: String
    @OptionalField(key: "recorded_by_user_id") public var recordedByUserID: UUID?

    public init() {}
}
