import Fluent
import Platform
import Vapor

/// Reference data loaded once per validation batch (the import checks thousands of rows against it).
struct ReferenceSets: Sendable {
    let wilayas: Set<String>
    let domains: Set<String>

    static func load(on db: any Database) async throws -> ReferenceSets {
        let data = try await ReferenceData.load(on: db)
        return ReferenceSets(wilayas: data.wilayaCodes, domains: data.domainCodes)
    }
}
