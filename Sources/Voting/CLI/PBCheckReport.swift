/// The result of ``PBCommandLine/check(path:)``: counts for a valid file, or the error.
public struct PBCheckReport: Sendable, Hashable, CustomStringConvertible {
    /// The parse error, nil when the file is valid.
    public var error: PabulibError?
    /// Projects listed (0 when invalid).
    public var projects = 0
    /// Ballots listed (0 when invalid).
    public var votes = 0
    /// The budget (0 when invalid).
    public var budget: Int64 = 0
    /// The vote type, nil when invalid.
    public var voteType: VoteType?

    /// Whether the file is a valid Pabulib file.
    public var isValid: Bool { error == nil }

    init(election: PabulibElection) {
        projects = election.projects.count
        votes = election.ballots.count
        budget = election.budget
        voteType = election.voteType
    }

    init(error: PabulibError) {
        self.error = error
    }

    public var description: String {
        if let error { return "invalid: \(error)" }
        return "ok: \(projects) projects, \(votes) votes, budget \(budget), vote_type \(voteType?.rawValue ?? "")"
    }
}
