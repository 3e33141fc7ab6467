import Fluent
import Foundation
import Platform
import Voting

/// A participatory-budgeting election of a process: budgets, projects, the ballot's rules and the rule of the tally,
/// all fixed when it is scheduled; voting is open between `opensAt` and `closesAt` by the clock alone.
public final class BudgetElection: Model, @unchecked Sendable {
    public static let schema = "budget_elections"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date

    // data fields
    @Field(key: "process_id") public var processID: UUID
    @Field(key: "title") public var title: String
    @Field(key: "description") public var details: String
    /// `ar`, `fr` or `en`: the language its texts and its projects' texts are written in.
    @Field(key: "language") public var language: String
    /// The rule of the tally, by its `Voting` name (`greedy`, `mes`, `mes-add1`, `mes-add1-greedy`).
    @Field(key: "rule") public var rule: String
    @Enum(key: "ballot_kind") public var ballotKind: BallotKind
    @Field(key: "min_projects") public var minProjects: Int
    /// nil: no limit.
    @OptionalField(key: "max_projects") public var maxProjects: Int?
    /// In how many of the election's budgets one person votes; nil: in each.
    @OptionalField(key: "budgets_per_voter") public var budgetsPerVoter: Int?
    /// Voters confirm they are at least this old; nil: no minimum.
    @OptionalField(key: "minimum_age") public var minimumAge: Int?
    @Field(key: "opens_at") public var opensAt: Date
    @Field(key: "closes_at") public var closesAt: Date
    @Enum(key: "state") public var state: ElectionState
    /// Moved by every change of its rules, budgets or projects, so that the copy kept in memory for ballots
    /// (``ElectionSnapshot``) is known to be current.
    @Field(key: "revision") public var revision: Int
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @OptionalField(key: "scheduled_at") public var scheduledAt: Date?
    /// When the results were computed and stored (once, at the first request after the close).
    @OptionalField(key: "tallied_at") public var talliedAt: Date?

    public init() {}

    public var textLanguage: SiteLanguage { SiteLanguage(rawValue: language) ?? .default }

    /// What the clock says of it at `now`.
    public func phase(at now: Date) -> ElectionPhase {
        guard state == .scheduled else { return .draft }
        if now < opensAt { return .upcoming }
        if now < closesAt { return .open }
        return .closed
    }
}

/// Prepared (budgets and projects can change), then scheduled (everything is fixed; the clock opens and closes it).
public enum ElectionState: String, WorkflowState {
    case draft, scheduled
}

/// Where an election stands at a given moment.
public enum ElectionPhase: String, Codable, Sendable {
    case draft, upcoming, open, closed
}

/// What a ballot may hold: projects whose total cost is within the budget, or any projects (approval).
public enum BallotKind: String, CaseIterable, Codable, Sendable {
    case withinBudget = "within_budget"
    case approval
}

/// One budget of an election: national (no wilaya) or of one wilaya.
public final class ElectionBudget: Model, @unchecked Sendable {
    public static let schema = "election_budgets"

    @ID(key: .id) public var id: UUID?
    @Field(key: "election_id") public var electionID: UUID
    @Field(key: "position") public var position: Int
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    @Field(key: "amount") public var amount: Int64

    public init() {}
}

/// A project on the ballot. `number` is its id in the published ballots file.
public final class ElectionProject: Model, @unchecked Sendable {
    public static let schema = "election_projects"

    @ID(key: .id) public var id: UUID?
    @Field(key: "election_id") public var electionID: UUID
    @Field(key: "budget_id") public var budgetID: UUID
    @Field(key: "number") public var number: Int
    @Field(key: "title") public var title: String
    @Field(key: "description") public var details: String
    @Field(key: "cost") public var cost: Int64
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    @OptionalField(key: "domain_code") public var domainCode: String?
    /// The accepted proposal it comes from.
    @OptionalField(key: "proposal_id") public var proposalID: UUID?
    /// Projects of the same budget with the same label exclude each other: at most one of them is funded.
    @OptionalField(key: "exclusive_group") public var exclusiveGroup: String?
    /// The project of the Projects room it became once funded.
    @OptionalField(key: "project_id") public var projectID: UUID?
    /// Found infeasible before the tally: left out of it, with this reason shown on the results.
    @OptionalField(key: "excluded_reason") public var excludedReason: String?
    @OptionalField(key: "excluded_at") public var excludedAt: Date?
    @OptionalField(key: "excluded_by") public var excludedBy: UUID?

    public init() {}

    public var isExcluded: Bool { excludedAt != nil }
}

/// A stored ballot: no account, no demographics; the keyed link and the random receipt.
public final class ElectionBallot: Model, @unchecked Sendable {
    public static let schema = "election_ballots"

    @ID(key: .id) public var id: UUID?
    @Field(key: "election_id") public var electionID: UUID
    @Field(key: "budget_id") public var budgetID: UUID
    @Field(key: "voter_link") public var voterLink: String
    @Field(key: "receipt") public var receipt: String
    /// Project numbers, comma-separated, in ascending order.
    @Field(key: "projects") public var projects: String
    @Enum(key: "channel") public var channel: BallotChannel
    /// 1 for the first ballot, +1 at each change.
    @Field(key: "version") public var version: Int

    public init() {}

    public var projectNumbers: [Int] { projects.split(separator: ",").compactMap { Int($0) } }
}

/// How a ballot came in.
public enum BallotChannel: String, CaseIterable, Codable, Sendable {
    case online, assisted, station
}

/// The stored outcome of one budget's tally.
public final class ElectionResult: Model, @unchecked Sendable {
    public static let schema = "election_results"

    @ID(key: .id) public var id: UUID?
    @Field(key: "election_id") public var electionID: UUID
    @Field(key: "budget_id") public var budgetID: UUID
    @Field(key: "ballots") public var ballots: Int
    @Field(key: "outcome") public var outcome: PBOutcome
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
