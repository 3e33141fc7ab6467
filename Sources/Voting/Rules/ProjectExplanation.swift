/// Why one project was or was not funded: a ``Kind`` code plus the numbers behind it, so that
/// the web app can phrase it in any language. Amounts from MES runs are display approximations
/// (two decimals are plenty) of the exact values the rule decided on.
public struct ProjectExplanation: Sendable, Hashable, Codable {
    /// The reason, as a stable code.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Greedy: funded at its turn (`rank`, `cost`, `remainingBudget` before it, `score`).
        case greedyFunded = "greedy_funded"
        /// Greedy: its `cost` exceeded the `remainingBudget` at its turn (`rank`, `score`).
        case greedySkipped = "greedy_skipped"
        /// MES: bought in `round`; `payers` paid `paymentPerPayer` each, `partialPayers` gave their
        /// last `partialPayment` in total; `rho` is the price per unit of utility.
        case mesFunded = "mes_funded"
        /// MES: its `supporters` held `supportersBudget` in total at the end, less than `cost`.
        case mesUnaffordable = "mes_unaffordable"
        /// MES: nobody supports it.
        case mesNoSupporters = "mes_no_supporters"
        /// Completion after MES: funded at its turn (`rank`, `cost`, `remainingBudget`, `score`).
        case completionFunded = "completion_funded"
        /// Completion after MES: `cost` exceeded the `remainingBudget` at its turn.
        case completionSkipped = "completion_skipped"
        /// Not funded because `excludedBy`, a project it excludes (they share a group), was funded.
        case exclusive = "exclusive"
    }

    /// The project's id.
    public var projectID: String
    /// The reason.
    public var kind: Kind
    /// The project's cost.
    public var cost: Int64
    /// Approvals, or points for point ballots (greedy and completion).
    public var score: Int64?
    /// 1-based turn in the greedy or completion order.
    public var rank: Int?
    /// Budget left just before the project's turn (greedy and completion).
    public var remainingBudget: Int64?
    /// 1-based MES round in which it was bought.
    public var round: Int?
    /// Voters supporting the project.
    public var supporters: Int?
    /// Supporters who paid the full equal share.
    public var payers: Int?
    /// The equal share each full payer paid.
    public var paymentPerPayer: Double?
    /// Supporters who gave all they had left, less than the share.
    public var partialPayers: Int?
    /// What the partial payers gave in total.
    public var partialPayment: Double?
    /// Price per unit of utility at purchase.
    public var rho: Double?
    /// Supporters' remaining budget in total, for unaffordable projects.
    public var supportersBudget: Double?
    /// The funded project that excludes this one (``Kind/exclusive``).
    public var excludedBy: String?

    /// Creates an explanation with only the fields its kind needs.
    public init(projectID: String, kind: Kind, cost: Int64) {
        self.projectID = projectID
        self.kind = kind
        self.cost = cost
    }
}
