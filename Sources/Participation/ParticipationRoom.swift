import Fluent
import Platform
import Vapor

/// Sets up the Participation room: processes and phases, proposals and endorsements, answers, debates and
/// comments, moderation, following.
public enum ParticipationRoom {
    public static func configure(_ app: Application) {
        app.migrations.add(ParticipationMigrations.all)
        app.siteLinks.register(ParticipationSiteURL.allCases)
        workQueues.forEach(app.workQueues.register)
        personalData.forEach(app.personalData.register)
        app.asyncCommands.use(ParticipationCommands(), as: "participation")
        SurveysRoom.configure(app)
        ElectionsRoom.configure(app)
        PollsRoom.configure(app)
        // Made before any request, so that requests only read the application's storage.
        _ = app.participationCache
    }

    public static func routes(_ app: Application, pages: any RoutesBuilder) throws {
        try app.register(collection: ParticipationAPIController())
        try pages.register(collection: ProcessesWebController())
        try pages.register(collection: ProposalsWebController())
        try pages.register(collection: DiscussionWebController())
        try pages.register(collection: ProjectDiscussionController())
        try app.register(collection: SurveysAPIController())
        try pages.register(collection: SurveysWebController())
        try ElectionsRoom.routes(app, pages: pages)
        try PollsRoom.routes(app, pages: pages)
    }
}
