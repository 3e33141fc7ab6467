import Fluent
import Platform
import Vapor

/// Organisations as the home page lists them.
public struct OrganizationSummary: Encodable, Sendable {
    public let slug: String
    public let kind: String
    public let name: LocalizedText
    public let summary: LocalizedText

    /// The observatory and the networks first, then associations, for the home page.
    public static func featured(on db: any Database, language: SiteLanguage, limit: Int = 12) async throws -> [Self] {
        let rows = try await Organization.query(on: db).filter(\.$verification == .verified)
            .filter(\.$kind ~~ [.observatory, .network]).sort(\.$kind, .descending).sort(\.$sortName).limit(limit).all()
        return rows.map {
            OrganizationSummary(slug: $0.slug, kind: $0.kind.rawValue, name: LocalizedText($0.name, in: language),
                                summary: LocalizedText($0.summary, in: language))
        }
    }
}
