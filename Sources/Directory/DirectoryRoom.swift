import Fluent
import Platform
import Vapor

/// Sets up the Directory room: migrations, pages, API, commands.
public enum DirectoryRoom {
    public static func configure(_ app: Application) {
        app.migrations.add(DirectoryMigrations.all(wilayasCSV: app.directory.resourcesDirectory + "Reference/wilayas.csv"))
        app.siteLinks.register(DirectorySiteURL.allCases)
        _ = app.directoryIndex
        app.readiness.register("directory_index") { $0.directoryIndex.isReady }
        app.asyncCommands.use(ImportCommands(), as: "import")
        app.asyncCommands.use(ExportCommands(), as: "export")
        app.asyncCommands.use(SeedDemoCommand(), as: "seed-demo")
    }

    public static func routes(_ app: Application, pages: any RoutesBuilder) throws {
        try app.register(collection: OrganizationsAPIController())
        try app.register(collection: MembershipAPIController())
        try app.register(collection: PeopleAPIController())
        try pages.register(collection: DirectoryWebController())
        try pages.register(collection: MembershipWebController())
        try pages.register(collection: PeopleWebController())
        try pages.register(collection: ImportWebController())
    }
}

/// Organisations as the home page lists them.
public struct OrganizationSummary: Encodable, Sendable {
    public let slug: String
    public let kind: String
    public let name: LocalizedText
    public let summary: LocalizedText

    /// The observatory and the networks first, then associations, for the home page.
    public static func featured(on db: any Database, language: SiteLanguage, limit: Int = 12) async throws -> [Self] {
        let rows = try await Organization.query(on: db).filter(\.$kind ~~ [.observatory, .network]).sort(\.$kind, .descending)
            .sort(\.$sortName).limit(limit).all()
        return rows.map {
            OrganizationSummary(slug: $0.slug, kind: $0.kind.rawValue, name: LocalizedText($0.name, in: language),
                                summary: LocalizedText($0.summary, in: language))
        }
    }
}
