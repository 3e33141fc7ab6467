import Fluent
import Platform
import Vapor

/// Sets up the Projects room: SSE projects, follow-up reports feeding the strategy, difficulties, evaluations,
/// expertise requests, CSR pledges and international cooperation.
public enum ProjectsRoom {
    public static func configure(_ app: Application) {
        app.migrations.add(ProjectsMigrations.all)
        app.databases.middleware.use(PeriodSortMiddleware<ProjectReport>())
        app.siteLinks.register(ProjectsSiteURL.allCases)
        app.asyncCommands.use(ProjectsCommands(), as: "projects")
        personalData.forEach(app.personalData.register)
        workQueues.forEach(app.workQueues.register)
        ProjectsAttachments.owners.forEach(app.attachmentOwners.register)
    }

    public static func routes(_ app: Application, pages: any RoutesBuilder) throws {
        try app.register(collection: ProjectsAPIController())
        try app.register(collection: DifficultiesAPIController())
        try app.register(collection: ExpertiseAPIController())
        try app.register(collection: CSRAPIController())
        try app.register(collection: CooperationAPIController())
        try pages.register(collection: ProjectsWebController())
        try pages.register(collection: DifficultiesWebController())
        try pages.register(collection: ExpertiseWebController())
        try pages.register(collection: CSRWebController())
        try pages.register(collection: CooperationWebController())
    }
}
