import Platform
import Vapor

/// The annual report: `/{lang}/annual-report` (the years there is something to report on), `/{lang}/annual-report/
/// {year}` (the year's figures beside the year before, every chart with its table, made to print) and
/// `/{lang}/annual-report/{year}/figures.csv` (every figure of the page, one per line).
struct AnnualReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(InsightsSiteURL.annualReport.pathComponents, use: years)
        routes.get(InsightsSiteURL.annualReport.pathComponents + [":year"], use: report)
        routes.get(InsightsSiteURL.annualReport.pathComponents + [":year", "figures.csv"], use: csv)
    }

    @Sendable func years(req: Request) async throws -> Response {
        let dashboard = try await req.application.insightsCache.dashboard(DashboardFilter(), on: req.db, now: req.now)
        return try await req.render("insights/annual-reports", try await AnnualReportsPageContext.make(dashboard, req))
    }

    @Sendable func report(req: Request) async throws -> Response {
        let year = try Self.year(req)
        let cache = req.application.insightsCache
        let dashboard = try await cache.dashboard(DashboardFilter(year: year), on: req.db, now: req.now)
        let before = try await cache.dashboard(DashboardFilter(year: year - 1), on: req.db, now: req.now)
        return try await req.render("insights/annual-report",
                                    try await AnnualReportPageContext.make(dashboard, before: before, year: year, req))
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let year = try Self.year(req)
        let dashboard = try await req.application.insightsCache.dashboard(DashboardFilter(year: year), on: req.db, now: req.now)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"shabaka-\(year)-figures.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: AnnualReportCSV.text(dashboard, year: year, try await Drawing.make(req))))
    }

    /// The year in the address; one outside 2000…2100 names no report.
    static func year(_ req: Request) throws -> Int {
        guard let raw = req.parameters.get("year"), let year = Int(raw), DashboardFilter.years.contains(year) else {
            throw PlatformError.notFound
        }
        return year
    }
}

/// Every figure of a year's report as CSV: `figure, breakdown, key, label, value` (the breakdown is `total`,
/// `wilaya`, `domain`, `year` or a category such as `status`; labels in the page's language).
enum AnnualReportCSV {
    static func text(_ dashboard: Dashboard, year: Int, _ names: Drawing) -> String {
        let req = names.req
        var out = CSVText.line(["year", "figure", "figure_label", "breakdown", "key", "label", "value"])
        func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int64(value)) : String(format: "%.2f", value)
        }
        for figure in dashboard.figures {
            let label = req.t("insights.figure." + figure.key)
            func line(_ breakdown: String, _ key: String, _ keyLabel: String, _ value: Double) {
                out += CSVText.line(["\(year)", figure.key, label, breakdown, key, keyLabel, number(value)])
            }
            if let total = figure.total { line("total", "", "", total) }
            for point in figure.byWilaya { line("wilaya", point.key, names.wilayaNames[point.key] ?? point.key, point.value) }
            for point in figure.byDomain { line("domain", point.key, names.domainNames[point.key] ?? point.key, point.value) }
            for point in figure.byYear { line("year", point.key, point.key, point.value) }
            for (dimension, points) in figure.categories.sorted(by: { $0.key < $1.key }) {
                for point in points { line(dimension, point.key, names.categoryName(dimension, point.key), point.value) }
            }
        }
        return out
    }
}
