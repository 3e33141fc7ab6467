import Directory
import Fluent
import Platform
import Vapor
import Voting

/// A poll's results through `Voting` (plurality, approval or Schulze), counted at each reading from the stored votes:
/// each option's score and tier, the winners (several when tied: never broken by chance), abstentions, and in an
/// assembly each member's vote with its weight and the chain of delegations it came through. Shown live or after the
/// close, as the organiser chose; refused before.
public struct PollResults: Content, Sendable {
    public struct OptionLine: Content, Sendable {
        public let position: Int
        public let label: String
        /// Votes, approvals (weighted in an assembly); for a ranked poll, how many options it beats.
        public let score: Int
        /// 1 for the first tier.
        public let tier: Int
        public let winner: Bool
    }

    /// One member of an assembly: how its weight was cast, directly or through the members in `via`.
    public struct RollLine: Content, Sendable {
        public let organizationID: UUID
        public let name: String
        public let weight: Int
        /// The members its vote passed through, itself first, the one that voted last.
        public let via: [String]
        /// `voted`, `abstained` or `absent`.
        public let vote: String
        public let choices: [Int]
    }

    public let pollID: UUID
    public let method: String
    public let phase: String
    /// Votes counted (in an assembly: the weight of the members that voted, directly or by delegation).
    public let voted: Int
    public let abstentions: Int
    /// In an assembly: the weight of the members whose vote reached nobody who voted.
    public let absent: Int?
    public let options: [OptionLine]
    /// The winners' positions, as votes name them.
    public let selected: [Int]
    /// For a ranked poll: `pairwise[i][j]`, the (weighted) voters ranking option i+1 above option j+1.
    public let pairwise: [[Int]]?
    public let roll: [RollLine]?
    public let outcome: String?

    /// `options`: the poll's options when the caller has read them already.
    public static func load(_ poll: Poll, options given: [PollOption]? = nil, language: SiteLanguage,
                            on db: any Database, now: Date) async throws -> PollResults
    {
        guard poll.resultsVisible(at: now) else { throw PollError.resultsAtClose }
        let id = try poll.requireID()
        var options = given ?? []
        if given == nil { options = try await PollAuthoring.options(of: poll, on: db) }
        let votes = try await PollVote.query(on: db).filter(\.$pollID == id).all()
        var counted: [(choices: [Int], weight: Int)] = []
        var abstentions = 0, absent: Int?, roll: [RollLine]?
        if let assemblyID = poll.assemblyID, let assembly = try await Assembly.find(assemblyID, on: db) {
            let members = try await AssemblyQuery.members(assembly, language: language, on: db)
            let names = Dictionary(members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let byMember = Dictionary(votes.compactMap { vote in vote.organizationID.map { ($0, vote) } },
                                      uniquingKeysWith: { first, _ in first })
            var lines: [RollLine] = []
            var missing = 0
            for member in members {
                let path = [member.id] + member.chain
                let voter = path.firstIndex { byMember[$0] != nil }
                let via = path.prefix(through: voter ?? path.count - 1).map { names[$0] ?? "" }
                guard let voter, let vote = byMember[path[voter]] else {
                    missing += member.weight
                    lines.append(RollLine(organizationID: member.id, name: member.name, weight: member.weight, via: via,
                                          vote: "absent", choices: []))
                    continue
                }
                if vote.abstain { abstentions += member.weight } else { counted.append((vote.positions, member.weight)) }
                lines.append(RollLine(organizationID: member.id, name: member.name, weight: member.weight, via: via,
                                      vote: vote.abstain ? "abstained" : "voted", choices: vote.positions))
            }
            (absent, roll) = (missing, lines)
        } else {
            abstentions = votes.filter(\.abstain).count
            counted = votes.filter { !$0.abstain }.map { ($0.positions, 1) }
        }
        let candidates = options.map { String($0.position) }
        let ballots = counted.map { $0.choices.map(String.init) }
        let weights = counted.map(\.weight)
        let result: PollResult = switch poll.method {
        case .plurality: Voting.Poll.plurality(candidates: candidates, ballots: ballots.map { $0.first ?? "" }, weights: weights)
        case .approval: Voting.Poll.approval(candidates: candidates, ballots: ballots, weights: weights)
        case .schulze: Voting.Poll.schulze(candidates: candidates, ballots: ballots, weights: weights)
        }
        let tiers = Dictionary(result.ranking.enumerated().flatMap { tier, names in names.map { ($0, tier + 1) } },
                               uniquingKeysWith: { first, _ in first })
        let scores = result.explanation.scores ?? (result.explanation.strongestPaths.map { paths in
            paths.indices.map { i in paths.indices.filter { j in j != i && paths[i][j] > paths[j][i] }.count }
        } ?? [])
        let anyVote = !counted.isEmpty
        return PollResults(
            pollID: id, method: poll.method.rawValue, phase: poll.phase(at: now).rawValue,
            voted: weights.reduce(0, +), abstentions: abstentions, absent: absent,
            options: options.enumerated().map { index, option in
                let tier = tiers[String(option.position)] ?? 1
                return OptionLine(position: option.position, label: option.label,
                                  score: index < scores.count ? scores[index] : 0, tier: tier,
                                  winner: anyVote && tier == 1)
            },
            selected: anyVote ? result.winners.compactMap { Int($0) } : [],
            pairwise: poll.method == .schulze ? result.explanation.pairwise : nil,
            roll: roll, outcome: poll.outcome)
    }
}
