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
