import Fluent
import Platform
import Vapor

/// Sets up the Directory room.
public enum DirectoryRoom {
    public static func configure(_ app: Application) {
        app.migrations.add(DirectoryMigrations.all)
    }
}

/// Organisations as the home page lists them.
public struct OrganizationSummary: Encodable, Sendable {
    public let slug: String
    public let kind: String
    public let name: LocalizedText
    public let summary: LocalizedText

    /// The network's own organisations, observatories and networks first, for the home page.
    public static func featured(on db: any Database, language: SiteLanguage, limit: Int = 12) async throws -> [Self] {
        let rows = try await Organization.query(on: db).sort(\.$kind, .descending).sort(\.$slug).limit(limit).all()
        return rows.map {
            OrganizationSummary(slug: $0.slug, kind: $0.kind.rawValue, name: LocalizedText($0.name, in: language),
                                summary: LocalizedText($0.summary, in: language))
        }
    }
}
