import Capacity
import Directory
import Fluent
import Foundation
import Platform
import Projects
import SQLKit
import ShabakaTestSupport
import Testing
import VaporTesting

/// The dashboard's figures against counts made here directly on the demo data, with and without filters; the
/// counts follow writes at once (revision triggers) and are not recounted without one; wrong filters are refused
/// by field; the page draws its charts with a table beside each, in every language.
@Suite("Insights: the public dashboard")
struct DashboardTests {
    struct Point: Decodable { let key: String; let value: Double }
    struct Figure: Decodable {
        let key: String
        let total: Double?
        let by_wilaya: [Point]
        let by_domain: [Point]
        let by_year: [Point]
        let categories: [String: [Point]]
    }
    struct Answer: Decodable {
        let counted_at: String
        let figures: [Figure]
        func figure(_ key: String) throws -> Figure { try #require(figures.first { $0.key == key }) }
    }

    static func dashboard(_ app: Application, _ query: String = "") async throws -> Answer {
        let response = try await TestAPI(app).call(.GET, "/api/v1/insights/dashboard" + query, as: nil)
        #expect(response.status == .ok, "\(response.body.string)")
        return try response.decoded(Answer.self)
    }

    static func count(_ app: Application, _ query: String) async throws -> Double {
        let sql = try #require(app.db as? any SQLDatabase)
        let row = try #require(try await sql.raw(SQLQueryString(query)).first())
        return Double(try row.decode(column: "n", as: Int64?.self) ?? 0)
    }

    @Test func theFiguresEqualTheCountsMadeDirectlyOnTheDemoData() async throws {
        try await withShabaka(demo: true) { app in
            let answer = try await Self.dashboard(app)
            let members = try await Self.count(app, """
                SELECT COUNT(DISTINCT m.member_id) AS n FROM network_memberships m JOIN organizations o ON o.id = m.member_id
                WHERE m.state = 'active' AND o.verification = 'verified'
                """)
            #expect(members > 0)
            #expect(try answer.figure("members").total == members)
            #expect(try answer.figure("members").by_wilaya.map(\.value).reduce(0, +) == members)
            let projects = try await Self.count(app, "SELECT COUNT(*) AS n FROM projects WHERE state <> 'draft'")
            #expect(projects > 0)
            #expect(try answer.figure("projects").total == projects)
            for state in ["approved", "in_progress", "completed"] {
                let counted = try await Self.count(app, "SELECT COUNT(*) AS n FROM projects WHERE state = '\(state)'")
                #expect(try answer.figure("projects").categories["status"]?.first { $0.key == state }?.value ?? 0 == counted,
                        "\(state)")
            }
            let jobs = try await Self.count(app, """
                SELECT CAST(SUM(r.jobs_created) AS BIGINT) AS n FROM project_reports r JOIN projects p ON p.id = r.project_id
                WHERE p.state <> 'draft'
                """)
            #expect(jobs > 0)
            #expect(try answer.figure("jobs_created").total == jobs)
            // every category adds up to the total (what a report did not break down is "not stated")
            #expect(try answer.figure("jobs_created").categories["sex"]?.map(\.value).reduce(0, +) == jobs)
            let proposals = try await Self.count(app, """
                SELECT COUNT(*) AS n FROM proposals WHERE state <> 'draft' AND pending_moderation = \(Self.false(app))
                AND hidden_at IS NULL
                """)
            #expect(proposals > 0)
            #expect(try answer.figure("proposals").total == proposals)
            let answers = try await Self.count(app, """
                SELECT COUNT(*) AS n FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.state <> 'draft'
                """)
            #expect(answers > 0)
            #expect(try answer.figure("survey_answers").total == answers)
            let events = try await Self.count(app, "SELECT COUNT(*) AS n FROM capacity_events WHERE cancelled_at IS NULL")
            #expect(events > 0)
            #expect(try answer.figure("events").total == events)
            #expect(try answer.figure("people_trained").total == (try await Self.trained(app)))
            #expect(try answer.figure("people_trained").total ?? 0 > 0)
        }
    }

    @Test func filtersByWilayaDomainAndYearMatchTheDirectCounts() async throws {
        try await withShabaka(demo: true) { app in
            let wilaya = try await Self.count(app, """
                SELECT CAST(o.wilaya_code AS INTEGER) AS n FROM network_memberships m JOIN organizations o ON o.id = m.member_id
                WHERE m.state = 'active' GROUP BY o.wilaya_code ORDER BY COUNT(*) DESC, o.wilaya_code LIMIT 1
                """)
            let code = String(format: "%02d", Int(wilaya))
            let byWilaya = try await Self.dashboard(app, "?wilaya=\(code)")
            #expect(try byWilaya.figure("members").total == (try await Self.count(app, """
                SELECT COUNT(DISTINCT m.member_id) AS n FROM network_memberships m JOIN organizations o ON o.id = m.member_id
                WHERE m.state = 'active' AND o.verification = 'verified' AND o.wilaya_code = '\(code)'
                """)))
            let domain = "sse.agriculture"
            let byDomain = try await Self.dashboard(app, "?domain=\(domain)")
            #expect(try byDomain.figure("projects").total == (try await Self.count(app, """
                SELECT COUNT(*) AS n FROM projects WHERE state <> 'draft' AND domain_code = '\(domain)'
                """)))
            #expect(try byDomain.figure("members").total == (try await Self.count(app, """
                SELECT COUNT(DISTINCT m.member_id) AS n FROM network_memberships m JOIN organizations o ON o.id = m.member_id
                JOIN organization_domains d ON d.organization_id = o.id
                WHERE m.state = 'active' AND o.verification = 'verified' AND d.domain_code = '\(domain)'
                """)))
            // figures without a domain are left out, not shown as zero
            #expect(try byDomain.figure("survey_answers").total == nil)
            let year = try #require(try await Self.dashboard(app).figure("jobs_created").by_year.last?.key)
            let byYear = try await Self.dashboard(app, "?year=\(year)")
            #expect(try byYear.figure("jobs_created").total == (try await Self.count(app, """
                SELECT CAST(SUM(r.jobs_created) AS BIGINT) AS n FROM project_reports r JOIN projects p ON p.id = r.project_id
                WHERE p.state <> 'draft' AND r.period LIKE '\(year)-%'
                """)))
        }
    }

    @Test func aWriteIsCountedAtOnceAndNothingIsRecountedWithoutOne() async throws {
        try await withShabaka(demo: true) { app in
            let before = try await Self.dashboard(app)
            let again = try await Self.dashboard(app)
            #expect(again.counted_at == before.counted_at)
            // a visitor is served the page kept for that answer, until a write moves it
            let visitor = Browser(app)
            let firstPage = try await visitor.get("/fr/dashboard?wilaya=47").body.string
            #expect(try await visitor.get("/fr/dashboard?wilaya=47").body.string == firstPage)
            // a new verified association admitted to the network
            let network = try #require(try await Organization.query(on: app.db).filter(\.$kind == .network).first())
            let newcomer = Organization(slug: "nouvelle-association", kind: .association,
                                        name: Translated(ar: "جمعية جديدة", fr: "Nouvelle association", en: "New association"),
                                        summary: Translated(ar: "", fr: "", en: ""), wilayaCode: "47")
            try await newcomer.create(on: app.db)
            try await NetworkMembership(networkID: try network.requireID(), memberID: try newcomer.requireID(), applicationID: nil)
                .create(on: app.db)
            let after = try await Self.dashboard(app)
            #expect(try after.figure("members").total == (try before.figure("members").total ?? 0) + 1)
            let newPage = try await visitor.get("/fr/dashboard?wilaya=47").body.string
            #expect(newPage != firstPage)
            #expect(try after.figure("members").by_wilaya.first { $0.key == "47" }?.value ?? 0
                    == (try before.figure("members").by_wilaya.first { $0.key == "47" }?.value ?? 0) + 1)
            // the other groups were not recounted: their figures are the same
            #expect(try after.figure("projects").total == before.figure("projects").total)
        }
    }

    @Test func wrongFiltersAreRefusedByField() async throws {
        try await withShabaka { app in
            let response = try await TestAPI(app).call(.GET, "/api/v1/insights/dashboard?wilaya=99&domain=nothing&year=1800", as: nil)
            #expect(response.status == .unprocessableEntity)
            let problem = try response.decoded(TestProblem.self)
            #expect(Set(problem.errors.map(\.field)) == ["wilaya", "domain", "year"])
            for language in ["ar", "fr", "en"] {
                let page = try await app.testing().sendRequest(.GET, "/\(language)/dashboard?year=abc")
                #expect(page.status == .unprocessableEntity)
                #expect(page.headers.contentType?.description.hasPrefix("text/html") == true)
            }
        }
    }

    @Test(arguments: ["ar", "fr", "en"])
    func thePageDrawsEachChartWithItsTable(language: String) async throws {
        try await withShabaka(demo: true) { app in
            let page = try await app.testing().sendRequest(.GET, "/\(language)/dashboard?domain=sse.agriculture")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<svg") && html.contains("role=\"img\""))
            #expect(html.components(separatedBy: "<figure class=\"chart\">").count
                    == html.components(separatedBy: "<caption>").count)
            #expect(html.contains("<option value=\"sse.agriculture\" selected"))
            #expect(!html.contains("insights."), "a catalog key is shown")
            let full = try await app.testing().sendRequest(.GET, "/\(language)/dashboard")
            #expect(full.body.string.contains("class=\"tiles\""))
            #expect(full.body.string.contains("<details>"))
        }
    }

    @Test func theAnnualReportGivesTheYearsFiguresAndEveryOneInItsCSV() async throws {
        try await withShabaka(demo: true) { app in
            let year = try #require(try await Self.dashboard(app).figure("jobs_created").by_year.last?.key)
            let figures = try await Self.dashboard(app, "?year=\(year)")
            let list = try await app.testing().sendRequest(.GET, "/fr/annual-report")
            #expect(list.status == .ok && list.body.string.contains("/fr/annual-report/\(year)\""))
            let page = try await app.testing().sendRequest(.GET, "/fr/annual-report/\(year)")
            #expect(page.status == .ok && page.body.string.contains("Rapport annuel \(year)"))
            #expect(page.body.string.contains("/fr/annual-report/\(year)/figures.csv"))
            let csv = try await app.testing().sendRequest(.GET, "/fr/annual-report/\(year)/figures.csv")
            #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            let lines = csv.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "year,figure,figure_label,breakdown,key,label,value")
            for key in ["members", "projects", "jobs_created", "events"] {
                let total = try #require(try figures.figure(key).total)
                #expect(lines.contains { $0.hasPrefix("\(year),\(key),") && $0.hasSuffix(",total,,,\(Int(total))") },
                        "\(key) \(total)")
                // every wilaya of the figure is a line
                #expect(lines.filter { $0.hasPrefix("\(year),\(key),") && $0.contains(",wilaya,") }.count
                        == (try figures.figure(key).by_wilaya.count))
            }
            #expect(try await app.testing().sendRequest(.GET, "/fr/annual-report/1800").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/ar/annual-report/2026x").status == .notFound)
        }
    }

    /// Present at every session of a training or workshop, counted here from the rows.
    static func trained(_ app: Application) async throws -> Double {
        var people = 0
        for event in try await CapacityEvent.query(on: app.db).filter(\.$kind ~~ [.training, .workshop]).all() {
            let rows = try await EventAttendance.query(on: app.db).filter(\.$eventID == event.requireID()).all()
            let sessions = Dictionary(grouping: rows, by: \.registrationID).mapValues { Set($0.map(\.session)).count }
            let registered = try await EventRegistration.query(on: app.db).filter(\.$eventID == event.requireID())
                .filter(\.$status == .registered).all()
            people += registered.filter { sessions[$0.id ?? UUID()] == event.sessions }.count
        }
        return Double(people)
    }

    static func `false`(_ app: Application) -> String {
        (app.db as? any SQLDatabase)?.dialect.name == "postgresql" ? "false" : "0"
    }
}
