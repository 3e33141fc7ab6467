import Fluent
import Platform
import Vapor

/// Sets up the Agreements room: agreements and their follow-up, strategy, indicators, action plans.
public enum AgreementsRoom {
    public static func configure(_ app: Application) {
        attachmentOwners.forEach(app.attachmentOwners.register)
        app.migrations.add(AgreementsMigrations.all)
        app.databases.middleware.use(PeriodSortMiddleware<Measurement>())
        app.siteLinks.register(AgreementsSiteURL.allCases)
        personalData.forEach(app.personalData.register)
    }

    public static func routes(_ app: Application, pages: any RoutesBuilder) throws {
        try app.register(collection: AgreementsAPIController())
        try app.register(collection: StrategyAPIController())
        try pages.register(collection: AgreementsWebController())
        try pages.register(collection: AgreementsAuthoringWebController())
        try pages.register(collection: StrategyWebController())
        try pages.register(collection: StrategyAuthoringWebController())
    }
}
