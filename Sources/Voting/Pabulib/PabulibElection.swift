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

/// One `key;value` line of the `META` section.
public struct MetaEntry: Sendable, Hashable, Codable {
    /// The key, e.g. `budget`.
    public var key: String
    /// The value as written in the file.
    public var value: String

    /// Creates an entry.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A project of the `PROJECTS` section.
public struct PBProject: Sendable, Hashable {
    /// The `project_id` column: unique within the election.
    public var id: String
    /// The `cost` column, in whole currency units.
    public var cost: Int64
    /// The other columns, keyed by their header name.
    public var attributes: [String: String]

    /// Creates a project.
    public init(id: String, cost: Int64, attributes: [String: String] = [:]) {
        self.id = id
        self.cost = cost
        self.attributes = attributes
    }
}

/// A ballot of the `VOTES` section.
public struct PBBallot: Sendable, Hashable {
    /// The `voter_id` column.
    public var voterID: String
    /// The projects named in the `vote` column, in ballot order (preference order if ordinal).
    public var projectIDs: [String]
    /// The `points` column for cumulative and scoring ballots, aligned with ``projectIDs``.
    public var points: [Int64]?
    /// The other columns (age, sex, …), keyed by their header name.
    public var attributes: [String: String]

    /// Creates a ballot.
    public init(voterID: String, projectIDs: [String], points: [Int64]? = nil, attributes: [String: String] = [:]) {
        self.voterID = voterID
        self.projectIDs = projectIDs
        self.points = points
        self.attributes = attributes
    }
}
