/// The numbers the rules need from an election, laid out for speed: projects by index, and for
/// each project the indices of the voters who support it (approve it, or give it points).
public struct PBProfile: Sendable {
    /// Project ids, by project index.
    public let projectIDs: [String]
    /// Project costs, by project index.
    public let costs: [Int64]
    /// The budget limit.
    public let budget: Int64
    /// The number of ballots, empty ones included (each gets an equal share under MES).
    public let voterCount: Int
    /// Supporters per project, by project index.
    public let approvals: [Int]
    /// Points per project (equal to ``approvals`` unless ballots carry points).
    public let scores: [Int64]
    /// Projects that exclude each other share a group (at most one of them is funded); -1 for none.
    let groups: [Int]
    /// Whether some projects exclude each other.
    let hasGroups: Bool
    let supporterOffsets: [Int]
    let supporterIndices: [Int32]

    /// Builds a profile from ballots given as project indices (and optional points per entry).
    /// `exclusive` names, per project, the group of projects that exclude each other (nil or empty: none).
    /// - Precondition: indices are valid and not repeated within a ballot.
    public init(
        projectIDs: [String], costs: [Int64], budget: Int64, ballots: [[Int]], points: [[Int64]]? = nil,
        exclusive: [String?]? = nil
    ) {
        precondition(projectIDs.count == costs.count, "one cost per project")
        var groupIndex: [String: Int] = [:]
        groups = costs.indices.map { project in
            guard let name = exclusive?[project], !name.isEmpty else { return -1 }
            if let index = groupIndex[name] { return index }
            groupIndex[name] = groupIndex.count
            return groupIndex.count - 1
        }
        hasGroups = !groupIndex.isEmpty
        self.projectIDs = projectIDs
        self.costs = costs
        self.budget = budget
        self.voterCount = ballots.count
        var counts = [Int](repeating: 0, count: costs.count)
        var scores = [Int64](repeating: 0, count: costs.count)
        for (voter, ballot) in ballots.enumerated() {
            for (position, project) in ballot.enumerated() {
                let value = points?[voter][position] ?? 1
                scores[project] += value
                // A zero-point entry is not support: the voter gave the project nothing.
                if value > 0 { counts[project] += 1 }
            }
        }
        var offsets = [Int](repeating: 0, count: costs.count + 1)
        for project in costs.indices { offsets[project + 1] = offsets[project] + counts[project] }
        var fill = offsets
        var indices = [Int32](repeating: 0, count: offsets[costs.count])
        for (voter, ballot) in ballots.enumerated() {
            for (position, project) in ballot.enumerated() where (points?[voter][position] ?? 1) > 0 {
                indices[fill[project]] = Int32(voter)
                fill[project] += 1
            }
        }
        self.approvals = counts
        self.scores = scores
        self.supporterOffsets = offsets
        self.supporterIndices = indices
    }

    /// Builds the profile of a Pabulib election. Ordinal ballots count as approval of every
    /// ranked project; cumulative and scoring ballots support the projects given points. Projects
    /// with the same value in an `exclusive` column exclude each other.
    public init(_ election: PabulibElection) {
        var indexByID: [String: Int] = [:]
        for (index, project) in election.projects.enumerated() { indexByID[project.id] = index }
        let ballots = election.ballots.map { $0.projectIDs.compactMap { indexByID[$0] } }
        let points = election.voteType.hasPoints ? election.ballots.map { $0.points ?? [] } : nil
        self.init(
            projectIDs: election.projects.map(\.id), costs: election.projects.map(\.cost),
            budget: election.budget, ballots: ballots, points: points,
            exclusive: election.projects.map { $0.attributes[PBProfile.exclusiveColumn] })
    }

    /// The Pabulib project column naming the group of projects that exclude each other.
    public static let exclusiveColumn = "exclusive"

    /// The number of projects.
    public var projectCount: Int { costs.count }

    func supporters(of project: Int) -> ArraySlice<Int32> {
        supporterIndices[supporterOffsets[project]..<supporterOffsets[project + 1]]
    }

    /// Projects MES can fund: someone supports them.
    var candidates: [Int] { costs.indices.filter { approvals[$0] > 0 } }

    /// Whether two different projects exclude each other.
    func excludes(_ lhs: Int, _ rhs: Int) -> Bool {
        lhs != rhs && groups[lhs] >= 0 && groups[lhs] == groups[rhs]
    }

    /// The funded project that excludes `project`, if any.
    func excluder(of project: Int, among funded: [Int]) -> Int? {
        guard groups[project] >= 0 else { return nil }
        return funded.first { excludes($0, project) }
    }
}
