import Platform
import Vapor

/// An election as `POST /api/v1/pb-elections` and the organiser's form give it; budgets and projects may come with
/// it (the form adds them afterwards, one at a time).
public struct ElectionInput: Content, Sendable {
    public var processID: UUID?
    public var title: String?
    public var description: String?
    /// `ar` (default), `fr` or `en`.
    public var language: String?
    /// `greedy`, `mes`, `mes-add1` (default) or `mes-add1-greedy`.
    public var rule: String?
    /// `within_budget` (default) or `approval`.
    public var ballotKind: String?
    public var minProjects: Int?
    public var maxProjects: Int?
    public var budgetsPerVoter: Int?
    public var minimumAge: Int?
    /// ISO 8601 with a zone, or `yyyy-MM-ddTHH:mm` in Algeria's time (UTC+1), as a form's date-time field sends it.
    public var opensAt: String?
    public var closesAt: String?
    /// The form's single budget: its amount.
    public var budget: Int64?
    public var budgets: [BudgetInput]?
    public var projects: [ElectionProjectInput]?

    public init() {}
}

/// One budget: national (no wilaya) or of a wilaya.
public struct BudgetInput: Content, Sendable {
    public var wilayaCode: String?
    public var amount: Int64?

    public init(wilayaCode: String? = nil, amount: Int64? = nil) {
        self.wilayaCode = wilayaCode
        self.amount = amount
    }
}

/// One project on the ballot, entered directly or taken from an accepted proposal (`proposal_id`: its texts, wilaya
/// and domain are the proposal's unless given).
public struct ElectionProjectInput: Content, Sendable {
    /// The budget's position (1, 2, …); the first when left out.
    public var budget: Int?
    public var proposalID: UUID?
    public var title: String?
    public var description: String?
    public var cost: Int64?
    public var wilayaCode: String?
    public var domainCode: String?
    /// A short label shared by the projects of the same budget that exclude each other (at most one is funded).
    public var exclusiveGroup: String?

    public init(title: String? = nil, cost: Int64? = nil, budget: Int? = nil) {
        self.title = title
        self.cost = cost
        self.budget = budget
    }
}

/// Excluding a project found infeasible: the reason is shown on the results.
public struct ExclusionInput: Content, Sendable {
    public var reason: String?
    public init(reason: String? = nil) { self.reason = reason }
}
