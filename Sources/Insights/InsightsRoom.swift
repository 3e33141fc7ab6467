import Directory
import Platform
import Vapor

/// Sets up the Insights room: reads only, from the other rooms. The public dashboard (figures by wilaya, domain
/// and year, kept in memory and recounted after writes: ``InsightsCache``) and its JSON.
public enum InsightsRoom {
    public static func configure(_ app: Application) {
        app.migrations.add(InsightsMigrations.all)
        app.siteLinks.register(InsightsSiteURL.allCases)
        app.storage[Application.InsightsCacheKey.self] = InsightsCache()
        app.asyncCommands.use(InsightsCommands(), as: "insights")
        app.asyncCommands.use(ExportCommands(adding: ["open-data": ExportOpenDataCommand()]), as: "export")
    }

    /// The catalog keys the dashboard composes (a figure's name, a section's title and note, a chart's title, a
    /// table's column), for the catalog's tests.
    public static var catalogKeys: [String] {
        let figures = ["members", "projects", "jobs_created", "jobs_sustained", "beneficiaries", "csr_pledged",
                       "csr_delivered", "proposals", "survey_answers", "voters", "events", "people_trained"]
        let sections = ["members", "projects", "jobs", "csr", "participation", "capacity"]
        let dimensions = ["status", "sex", "age_group", "kind"]
        return figures.map { "insights.figure." + $0 } + sections.flatMap { ["insights.section." + $0, "insights.note." + $0] }
            + (dimensions + ["year", "wilaya", "domain"]).map { "insights.chart.by_" + $0 }
            + dimensions.map { "insights.column." + $0 }
    }

    public static func routes(_ app: Application, pages: any RoutesBuilder) throws {
        try app.register(collection: DashboardController.API())
        try pages.register(collection: DashboardController())
        try pages.register(collection: AnnualReportController())
        try pages.register(collection: OpenDataController())
    }
}

/// The Insights room's pages.
public enum InsightsSiteURL: String, CaseIterable, SiteRoute {
    case dashboard = "dashboard"
    case annualReport = "annual-report"
    case openData = "open-data"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}
