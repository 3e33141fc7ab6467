/// The `vote_type` of a Pabulib file.
public enum VoteType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Each voter lists the projects they approve of.
    case approval
    /// Each voter names exactly one project.
    case choose1 = "choose-1"
    /// Each voter ranks projects, most preferred first.
    case ordinal
    /// Each voter spreads points over projects (`points` column).
    case cumulative
    /// Each voter scores projects (`points` column).
    case scoring

    /// Whether the `VOTES` section carries a `points` column.
    public var hasPoints: Bool { self == .cumulative || self == .scoring }
}
