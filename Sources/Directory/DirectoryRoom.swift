import Fluent
import Platform
import Vapor

/// Sets up the Directory room: migrations, pages, API, commands.
public enum DirectoryRoom {
    public static func configure(_ app: Application) {
        app.migrations.add(DirectoryMigrations.all(wilayasCSV: app.directory.resourcesDirectory + "Reference/wilayas.csv"))
        app.siteLinks.register(DirectorySiteURL.allCases)
        personalData.forEach(app.personalData.register)
        workQueues.forEach(app.workQueues.register)
        _ = app.directoryIndex
        app.readiness.register("directory_index") { $0.directoryIndex.isReady }
        app.asyncCommands.use(ImportCommands(), as: "import")
        app.asyncCommands.use(ExportCommands(), as: "export")
        app.asyncCommands.use(SeedDemoCommand(), as: "seed-demo")
    }

    public static func routes(_ app: Application, pages: any RoutesBuilder) throws {
        try app.register(collection: OrganizationsAPIController())
        try app.register(collection: RepresentativesAPIController())
        try app.register(collection: MembershipAPIController())
        try app.register(collection: PeopleAPIController())
        try pages.register(collection: DirectoryWebController())
        try pages.register(collection: OrganizationsWebController())
        try pages.register(collection: RepresentativesWebController())
        try pages.register(collection: MembershipWebController())
        try pages.register(collection: PeopleWebController())
        try pages.register(collection: ImportWebController())
    }
}
