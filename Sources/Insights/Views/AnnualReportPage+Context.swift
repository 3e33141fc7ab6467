import Foundation
import Platform
import Vapor

/// A year's report: the key figures beside the year before, then the dashboard's sections for that year (every
/// chart with its table), made to print (`print.css`, in both directions), with the CSV of every figure.
struct AnnualReportPageContext: Encodable {
    struct Line: Encodable {
        let label: String
        let value: String
        let before: String
    }

    let page: PageMeta
    let year: Int
    let previous: Int
    let lines: [Line]
    let sections: [DashboardPageContext.Section]
    let csv: String
    let countedAt: Date

    static let keys = ["members", "projects", "jobs_created", "jobs_sustained", "beneficiaries", "proposals",
                       "survey_answers", "voters", "events", "people_trained"]

    static func make(_ dashboard: Dashboard, before: Dashboard, year: Int, _ req: Request) async throws
        -> AnnualReportPageContext
    {
        let draw = try await Drawing.make(req)
        func total(_ board: Dashboard, _ key: String) -> String { board.figure(key)?.total.map(draw.number) ?? "—" }
        return AnnualReportPageContext(
            page: try await PageMeta.make(for: req, titleKey: "insights.report_title", "\(year)"),
            year: year, previous: year - 1,
            lines: keys.map { Line(label: draw.figureName($0), value: total(dashboard, $0), before: total(before, $0)) },
            sections: draw.sections(dashboard),
            csv: InsightsSiteURL.annualReport.path(in: req.language) + "/\(year)/figures.csv",
            countedAt: dashboard.countedAt)
    }
}

/// The years with a report: from the first year anything was counted to this one.
struct AnnualReportsPageContext: Encodable {
    struct Year: Encodable {
        let year: Int
        let path: String
    }

    let page: PageMeta
    let years: [Year]

    static func make(_ dashboard: Dashboard, _ req: Request) async throws -> AnnualReportsPageContext {
        let current = CivilCalendar.components(req.now, offset: 3600).year
        let first = dashboard.figures.flatMap { $0.byYear.compactMap { Int($0.key) } }.filter { $0 > 1999 }.min() ?? current
        let base = InsightsSiteURL.annualReport.path(in: req.language)
        return AnnualReportsPageContext(
            page: try await PageMeta.make(for: req, titleKey: "insights.reports_title"),
            years: (min(first, current)...current).reversed().map { Year(year: $0, path: base + "/\($0)") })
    }
}
