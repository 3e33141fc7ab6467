import Agreements
import Directory
import Fluent
import Foundation
import Platform
import Projects
import SQLKit
import ShabakaTestSupport
import Testing
import VaporTesting

/// Figures that read right: periods in time order (never text order), levels (jobs sustained, beneficiaries,
/// volunteers) taken from the latest report instead of added up, flows (jobs created, revenue) summed, and the
/// indicators fed from the reports following the same rule.
@Suite("Numbers: periods in time order, flows summed, levels from the latest report")
struct NumbersTests {
    typealias W = ProjectsWorld

    struct ReportPage: Decodable {
        struct Report: Decodable { let period: String }
        struct Info: Decodable { let total: Int }
        let items: [Report]
        let page: Info
    }

    struct ProjectAnswer: Decodable {
        struct Report: Decodable { let period: String }
        struct Totals: Decodable {
            let jobs_created: Int
            let jobs_sustained: Int
            let beneficiaries: Int
            let volunteers: Int
            let revenue_minor: Int64
            let latest_period: String?
            let report_count: Int
        }
        let reports: [Report]
        let totals: Totals
    }

    struct MeasurementPage: Decodable {
        struct Measurement: Decodable { let period: String; let value: Double }
        let items: [Measurement]
    }

    /// The `<td>` cells holding these periods, in the order the page shows them.
    static func order(of periods: [String], in html: String) -> [String] {
        periods.compactMap { period in html.range(of: ">\(period)</td>").map { (period, $0.lowerBound) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }

    static func report(_ period: String, created: Int = 0, sustained: Int = 0, beneficiaries: Int = 0,
                       revenue: Int64 = 0, volunteers: Int = 0) -> String {
        """
        {"period": "\(period)", "narrative": "تقدم", "jobs_created": \(created), "jobs_sustained": \(sustained),
         "beneficiaries": \(beneficiaries), "revenue_minor": \(revenue), "volunteers": \(volunteers)}
        """
    }

    @Test func reportsListByTimeOnThePageAndInTheAPIPages() async throws {
        try await withShabaka(demo: true, clock: ManualClock(december2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let reports = "/api/v1/projects/\(ProjectsDemo.flagshipSlug)/reports"

            // act: the flagship (its demo report is 2026-Q3) files four more, typed as people type them
            var statuses: [HTTPStatus] = []
            for typed in ["2026-10", "Q1 2026", "12/2025", "٢٠٢٦-٠٤"] {
                statuses.append(try await world.api(.POST, reports, as: W.representative, json: Self.report(typed)).status)
            }

            // assert: stored in the one written form, listed by time (as text, 2026-04 and 2026-10 came before 2026-Q1)
            #expect(statuses == [.created, .created, .created, .created])
            let inTime = ["2025-12", "2026-Q1", "2026-04", "2026-Q3", "2026-10"]
            let project = try await world.api(.GET, "/api/v1/projects/\(ProjectsDemo.flagshipSlug)", as: nil)
                .decoded(ProjectAnswer.self)
            #expect(project.reports.map(\.period) == inTime)
            let inWords = ["December 2025", "Q1 2026", "April 2026", "Q3 2026", "October 2026"]
            var paged: [String] = []
            for page in 1...3 {
                let answer = try await world.api(.GET, reports + "?size=2&page=\(page)", as: nil).decoded(ReportPage.self)
                #expect(answer.page.total == 5)
                paged += answer.items.map(\.period)
            }
            #expect(paged == inTime)
            let html = try await app.testing().sendRequest(.GET, "/en/projects/\(ProjectsDemo.flagshipSlug)").body.string
            #expect(Self.order(of: inWords.reversed(), in: html) == inWords)
        }
    }

    @Test func levelsComeFromTheLatestReportAndFlowsAreSummed() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let project = try await ProjectLifeTests.startedProject(world)

            // act: February is filed before January (the latest by period is not the latest filed)
            let february = try await world.api(.POST, project.path + "/reports", as: W.representative, json: Self.report(
                "2026-02", created: 2, sustained: 4, beneficiaries: 130, revenue: 500_000, volunteers: 7))
            let january = try await world.api(.POST, project.path + "/reports", as: W.representative, json: Self.report(
                "2026-01", created: 3, sustained: 4, beneficiaries: 90, revenue: 250_000, volunteers: 12))

            // assert: 3 + 2 jobs created are 5, the 4 jobs sustained in each month stay 4 (not 8); beneficiaries
            // and volunteers are February's
            #expect(february.status == .created && january.status == .created)
            let totals = try await world.api(.GET, project.path, as: nil).decoded(ProjectAnswer.self).totals
            #expect(totals.jobs_created == 5 && totals.revenue_minor == 750_000)
            #expect(totals.jobs_sustained == 4 && totals.beneficiaries == 130 && totals.volunteers == 7)
            #expect(totals.latest_period == "2026-02" && totals.report_count == 2)
            // the page says which figures are summed and which are the latest report's
            let english = try await app.testing().sendRequest(.GET, "/en/projects/batna-honey-cooperative").body.string
            #expect(english.contains("Summed over all reports: 5 jobs created and revenue of"))
            #expect(english.contains("7,500"))
            #expect(english.contains("From the latest report (February 2026): 4 jobs sustained, 130 beneficiaries, 7 volunteers."))
            let arabic = try await app.testing().sendRequest(.GET, "/ar/projects/batna-honey-cooperative").body.string
            #expect(arabic.contains("مجموع كل التقارير: 5 منصب شغل مستحدث"))
            #expect(arabic.contains("من آخر تقرير (فيفري 2026): 4 منصب شغل محافظ عليه، 130 مستفيد، 7 متطوع."))
        }
    }

    @Test func anIndicatorFedFromJobsSustainedTakesTheLatestPeriod() async throws {
        try await withShabaka(demo: true, clock: ManualClock(december2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let networks = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-02").first())
            let jobs = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-03").first())
            #expect(networks.aggregation == .latest && jobs.aggregation == .sum)
            func measured(_ period: String) async throws -> Double? {
                try await world.api(.GET, "/api/v1/indicators/\(networks.id!)/measurements?size=100", as: nil)
                    .decoded(MeasurementPage.self).items.first { $0.period == period }?.value
            }
            func yearValue() async throws -> Double? {
                struct Report: Decodable {
                    struct Axis: Decodable { let objectives: [Objective] }
                    struct Objective: Decodable { let indicators: [Line] }
                    struct Line: Decodable { let code: String; let progress: Progress }
                    struct Progress: Decodable { let value: Double? }
                    let axes: [Axis]
                }
                return try await world.api(.GET, "/api/v1/strategies/\(AgreementsDemo.strategySlug)?year=2026", as: nil)
                    .decoded(Report.self).axes.flatMap(\.objectives).flatMap(\.indicators)
                    .first { $0.code == "IND-02" }?.progress.value
            }

            // act: a level may only feed an indicator that takes the latest period, a flow one that sums
            let levelIntoSum = try await world.api(.PUT, "/api/v1/indicators/\(jobs.id!)/feed", as: W.coordinator,
                                                   json: #"{"metric": "jobs_sustained"}"#)
            let flowIntoLatest = try await world.api(.PUT, "/api/v1/indicators/\(networks.id!)/feed", as: W.coordinator,
                                                     json: #"{"metric": "jobs_created"}"#)
            let bound = try await world.api(.PUT, "/api/v1/indicators/\(networks.id!)/feed", as: W.coordinator,
                                            json: #"{"metric": "jobs_sustained"}"#)
            let q3 = try await measured("2026-Q3")
            // the flagship (4 sustained in Q3) reports 5 sustained for Q4; the weaving workshop's 2 of Q3 still count
            let filed = try await world.api(.POST, "/api/v1/projects/\(ProjectsDemo.flagshipSlug)/reports",
                                            as: W.representative, json: Self.report("2026-Q4", created: 1, sustained: 5))

            // assert
            #expect(levelIntoSum.status == .unprocessableEntity && levelIntoSum.body.string.contains(#""field":"metric""#))
            #expect(flowIntoLatest.status == .unprocessableEntity && flowIntoLatest.body.string.contains(#""field":"metric""#))
            #expect(bound.status == .ok)
            #expect(q3 == 6)
            #expect(filed.status == .created)
            #expect(try await measured("2026-Q4") == 7)
            #expect(try await yearValue() == 7)   // the latest period's level, not 6 + 7
            let page = try await app.testing().sendRequest(
                .GET, "/en/strategies/\(AgreementsDemo.strategySlug)/indicators/\(networks.id!)").body.string
            #expect(page.contains("How the year’s measurements add up</dt><dd>Latest value</dd>"))
            let unbound = try await world.api(.GET, "/api/v1/indicators/\(jobs.id!)/feed", as: nil).body.string
            #expect(unbound.contains("jobs_created"))   // the refused binding left IND-03 as it was
        }
    }

    @Test func measurementsListByTimeAndTheLatestIsTheLatestInTime() async throws {
        try await withShabaka(demo: true, clock: ManualClock(december2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let processes = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-05").first())
            let share = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-04").first())
            func record(_ indicator: Indicator, _ period: String, _ value: Int) async throws -> HTTPStatus {
                try await world.api(.POST, "/api/v1/indicators/\(indicator.id!)/measurements", as: W.evaluator,
                                    json: #"{"period": "\#(period)", "value": \#(value), "source": "بلديات"}"#).status
            }

            // act
            var statuses: [HTTPStatus] = []
            for (period, value) in [("2026-10", 1), ("2026-Q1", 2), ("2025-12", 3), ("2026-01", 4), ("q2 2026", 5)] {
                statuses.append(try await record(processes, period, value))
            }
            // a level: October is later than the first quarter, although "2026-Q1" sorts after "2026-10" as text
            statuses.append(try await record(share, "2026-10", 25))
            statuses.append(try await record(share, "2026-Q1", 20))

            // assert: the year, then its quarters, each before its months
            #expect(statuses.allSatisfy { $0 == .created })
            let inTime = ["2025-12", "2026-Q1", "2026-01", "2026-Q2", "2026-10"]
            var paged: [String] = []
            for page in 1...3 {
                paged += try await world.api(.GET, "/api/v1/indicators/\(processes.id!)/measurements?size=2&page=\(page)",
                                             as: nil).decoded(MeasurementPage.self).items.map(\.period)
            }
            #expect(paged == inTime)
            let html = try await app.testing().sendRequest(
                .GET, "/en/strategies/\(AgreementsDemo.strategySlug)/indicators/\(processes.id!)").body.string
            let inWords = ["December 2025", "Q1 2026", "January 2026", "Q2 2026", "October 2026"]
            #expect(Self.order(of: inWords.reversed(), in: html) == inWords)
            struct Report: Decodable {
                struct Axis: Decodable { let objectives: [Objective] }
                struct Objective: Decodable { let indicators: [Line] }
                struct Line: Decodable { let code: String; let progress: Progress }
                struct Progress: Decodable { let value: Double? }
                let axes: [Axis]
            }
            let lines = try await world.api(.GET, "/api/v1/strategies/\(AgreementsDemo.strategySlug)?year=2026", as: nil)
                .decoded(Report.self).axes.flatMap(\.objectives).flatMap(\.indicators)
            #expect(lines.first { $0.code == "IND-04" }?.progress.value == 25)
            // a flow: Q1 2 + Q2 5 + October 1; January is in the first quarter's figure already (2025-12 is last year's)
            #expect(lines.first { $0.code == "IND-05" }?.progress.value == 8)
        }
    }

    @Test func theMigrationFillsThePlaceInTimeOfExistingRows() async throws {
        try await withShabaka(demo: true) { app in
            // setup: rows as they were before the column (0 everywhere)
            let sql = try #require(app.db as? any SQLDatabase)
            for table in ["project_reports", "indicator_measurements"] {
                try await sql.update(table).set("period_sort", to: 0).run()
            }

            // act
            for table in ["project_reports", "indicator_measurements"] {
                try await PeriodSortFill.fill(table: table, on: app.db)
            }

            // assert
            let reports = try await ProjectReport.query(on: app.db).all()
            let measurements = try await Measurement.query(on: app.db).all()
            #expect(!reports.isEmpty && !measurements.isEmpty)
            #expect(reports.allSatisfy { $0.periodSort == ReportingPeriod($0.period)?.sortKey })
            #expect(measurements.allSatisfy { $0.periodSort == ReportingPeriod($0.period)?.sortKey && $0.periodSort > 0 })
        }
    }

    @Test func periodsAreExplainedIsolatedAndReadGenerously() async throws {
        try await withShabaka(demo: true, clock: ManualClock(december2026)) { app in
            _ = try await ProjectsWorld.make(app)
            let browser = Browser(app)
            try await signIn(browser, email: W.representative)
            let path = "/ar/projects/\(ProjectsDemo.flagshipSlug)"
            let page = try await browser.get(path)

            // act: a year (refused: reports are by quarter or month), then the quarter typed the other way round
            let year = try await browser.post(path + "/reports", form: [
                "period": "2026", "narrative": "تقدم", "jobs_created_breakdown[sex][f]": "0", "jobs_sustained_breakdown[sex][f]": "0",
            ])
            let reversed = try await browser.post(path + "/reports", form: [
                "period": "Q4-2026", "narrative": "تقدم", "jobs_created_breakdown[sex][f]": "0",
                "jobs_sustained_breakdown[sex][f]": "0",
            ])

            // assert: the examples are isolated left-to-right, so an Arabic line shows 2026-Q3, not Q3-2026
            #expect(page.body.string.contains(#"id="period-hint">فصل (\#u{2066}2026-Q3\#u{2069}) أو شهر (\#u{2066}2026-07\#u{2069}).</p>"#))
            #expect(year.status == .unprocessableEntity)
            #expect(year.body.string.contains(#"id="period-error">قدّم التقرير حسب الفصل (\#u{2066}2026-Q3\#u{2069}) أو الشهر (\#u{2066}2026-07\#u{2069}).</p>"#))
            #expect(reversed.status == .seeOther)
            #expect(try await ProjectReport.query(on: app.db).filter(\.$period == "2026-Q4").count() == 1)
            // the period of the latest report, in words (an Arabic sentence would show 2026-Q4 as Q4-2026)
            #expect(try await browser.get(path).body.string.contains("من آخر تقرير (الثلاثي 4 من 2026)"))
        }
    }
}
