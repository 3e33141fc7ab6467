/// A participatory-budgeting election read from, or written to, a Pabulib file.
///
/// The format has three sections, `META`, `PROJECTS` and `VOTES`; see
/// <https://pabulib.org/format>. Columns other than the ones the rules need are kept verbatim so
/// that writing a file back preserves them.
public struct PabulibElection: Sendable, Hashable {
    /// The `META` section in file order (`budget`, `vote_type`, … included).
    public var meta: [MetaEntry]
    /// The total budget to spend, in whole currency units.
    public var budget: Int64
    /// How ballots are cast.
    public var voteType: VoteType
    /// Extra `PROJECTS` columns after `project_id` and `cost`, in file order.
    public var projectColumns: [String]
    /// The projects, in file order.
    public var projects: [PBProject]
    /// Extra `VOTES` columns after `voter_id`, `vote` and (if any) `points`, in file order.
    public var voteColumns: [String]
    /// The ballots, in file order.
    public var ballots: [PBBallot]

    /// Creates an election; `meta` should hold at least `description`, `num_projects`,
    /// `num_votes`, `budget` and `vote_type` for the written file to be valid.
    public init(
        meta: [MetaEntry], budget: Int64, voteType: VoteType,
        projectColumns: [String] = [], projects: [PBProject],
        voteColumns: [String] = [], ballots: [PBBallot]
    ) {
        self.meta = meta
        self.budget = budget
        self.voteType = voteType
        self.projectColumns = projectColumns
        self.projects = projects
        self.voteColumns = voteColumns
        self.ballots = ballots
    }

    /// The value of a `META` key, if present.
    public func metaValue(_ key: String) -> String? {
        meta.first { $0.key == key }?.value
    }
}
