import Directory
import Fluent
import Platform
import Vapor

/// A poll as the API gives it: its question, place, method, window and options; never a count while its results
/// are hidden. `mine`: the signed-in voter's current vote(s).
public struct PollDTO: Content, Sendable {
    public struct Option: Content, Sendable {
        public let position: Int
        public let label: String
    }

    public struct Mine: Content, Sendable {
        public let choices: [Int]
        public let abstain: Bool
        public let version: Int
        public let organizationID: UUID?
    }

    public let id: UUID
    public let processID: UUID?
    public let debateID: UUID?
    public let assemblyID: UUID?
    public let title: String
    public let description: String
    public let language: String
    public let method: String
    public let allowAbstain: Bool
    public let resultsVisibility: String
    public let opensAt: Date
    public let closesAt: Date
    public let phase: String
    public let resultsVisible: Bool
    public let options: [Option]
    public let outcome: String?
    public let mine: [Mine]

    static func load(_ poll: Poll, viewer: CurrentUser?, on db: any Database, now: Date) async throws -> PollDTO {
        let options = try await PollAuthoring.options(of: poll, on: db)
        let mine = try await PollVoting.mine(poll, user: viewer, on: db)
        return PollDTO(
            id: try poll.requireID(), processID: poll.processID, debateID: poll.debateID, assemblyID: poll.assemblyID,
            title: poll.title, description: poll.details, language: poll.language, method: poll.method.rawValue,
            allowAbstain: poll.allowAbstain, resultsVisibility: poll.resultsVisibility.rawValue, opensAt: poll.opensAt,
            closesAt: poll.closesAt, phase: poll.phase(at: now).rawValue, resultsVisible: poll.resultsVisible(at: now),
            options: options.map { Option(position: $0.position, label: $0.label) }, outcome: poll.outcome,
            mine: mine.map { Mine(choices: $0.positions, abstain: $0.abstain, version: $0.version,
                                  organizationID: $0.organizationID) })
    }
}

/// An assembly as the API gives it: members with their weights and the chain their vote follows, and its motions.
public struct AssemblyDTO: Content, Sendable {
    public struct Member: Content, Sendable {
        public let organizationID: UUID
        public let name: String
        public let weight: Int
        /// Whom its vote is entrusted to, and on (ids; empty when it votes itself).
        public let delegatesTo: [UUID]
        public let chain: [String]
    }

    public struct Motion: Content, Sendable {
        public let id: UUID
        public let title: String
        public let phase: String
    }

    public let id: UUID
    public let networkID: UUID
    public let title: String
    public let description: String
    public let language: String
    public let weightRule: String
    public let opensAt: Date
    public let closesAt: Date
    public let members: [Member]
    public let motions: [Motion]

    static func load(_ assembly: Assembly, language: SiteLanguage, on db: any Database, now: Date) async throws
        -> AssemblyDTO
    {
        let members = try await AssemblyQuery.members(assembly, language: language, on: db)
        let names = Dictionary(members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return AssemblyDTO(
            id: try assembly.requireID(), networkID: assembly.networkID, title: assembly.title,
            description: assembly.details, language: assembly.language, weightRule: assembly.weightRule.rawValue,
            opensAt: assembly.opensAt, closesAt: assembly.closesAt,
            members: members.map {
                Member(organizationID: $0.id, name: $0.name, weight: $0.weight, delegatesTo: $0.chain,
                       chain: $0.chain.map { names[$0] ?? "" })
            },
            motions: try await AssemblyQuery.motions(assembly, on: db).map {
                Motion(id: try $0.requireID(), title: $0.title, phase: $0.phase(at: now).rawValue)
            })
    }
}
