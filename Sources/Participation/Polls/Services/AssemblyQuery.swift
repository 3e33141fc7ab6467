import Directory
import Fluent
import Platform
import Vapor

/// Reading assemblies: their members with names and weights, their delegations and chains, their motions.
public enum AssemblyQuery {
    public struct Member: Sendable {
        public let id: UUID
        public let name: String
        public let weight: Int
        /// The members its vote passes through (empty when it delegated to nobody).
        public let chain: [UUID]
    }

    /// Organisation names in `language`, in the order given, each isolated for bidirectional text (a name in
    /// Arabic inside a French sentence keeps its place).
    static func names(_ ids: [UUID], language: SiteLanguage, on db: any Database) async throws -> [String] {
        let found = try await Organization.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        let byID = Dictionary(found.compactMap { org in org.id.map { ($0, org) } }, uniquingKeysWith: { first, _ in first })
        return ids.map { "\u{2068}" + (byID[$0].map { LocalizedText($0.name, in: language).text } ?? $0.uuidString) + "\u{2069}" }
    }

    public static func members(_ assembly: Assembly, language: SiteLanguage, on db: any Database) async throws
        -> [Member]
    {
        let id = try assembly.requireID()
        let rows = try await AssemblyMember.query(on: db).filter(\.$assemblyID == id).all()
        let chains = DelegationChains(try await AssemblyService.delegations(id, on: db))
        let orgs = try await Organization.query(on: db).filter(\.$id ~~ rows.map(\.organizationID)).all()
        let names = Dictionary(orgs.compactMap { org in org.id.map { ($0, LocalizedText(org.name, in: language).text) } },
                               uniquingKeysWith: { first, _ in first })
        return rows.map {
            Member(id: $0.organizationID, name: names[$0.organizationID] ?? "", weight: $0.weight,
                   chain: chains.chain(from: $0.organizationID))
        }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    public static func motions(_ assembly: Assembly, on db: any Database) async throws -> [Poll] {
        try await Poll.query(on: db).filter(\.$assemblyID == assembly.requireID()).sort(\.$createdAt).all()
    }

    public static func list(page: PageQuery, on db: any Database) async throws -> ([Assembly], Int) {
        let total = try await Assembly.query(on: db).count()
        let items = try await Assembly.query(on: db).sort(\.$opensAt, .descending).range(page.offset..<page.offset + page.size)
            .all()
        return (items, total)
    }
}
