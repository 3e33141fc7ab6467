import Agreements
import Directory
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// 2026-07-02, half-way through the year, so expectations are easy to read.
let midYear2026 = ISO8601DateFormatter().date(from: "2026-07-02T12:00:00Z")!

@Suite("Agreements and strategy through HTTP")
struct AgreementsHTTPTests {
    @Test func eachLanguageShowsTheFrameworkAgreementWithBothPartiesAndEveryObjectiveInThatLanguageOnly() async throws {
        try await withShabaka(demo: true, clock: ManualClock(midYear2026)) { app in
            // act
            let list = try await app.testing().sendRequest(.GET, "/ar/agreements").body.string
            let page = try await app.testing().sendRequest(.GET, "/ar/agreements/\(AgreementsDemo.agreementSlug)")

            // assert
            #expect(list.contains("اتفاقية إطار للشراكة والتعاون"))
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(html.contains("المرصد الوطني للمجتمع المدني"))
            #expect(html.contains("شبكة الديمقراطية التشاركية والاقتصاد الاجتماعي والتضامني"))
            #expect(html.contains("رئيس المرصد الوطني للمجتمع المدني"))
            let objectives = try await AgreementObjective.query(on: app.db).all()
            #expect(objectives.count == 8)
            let french = try await app.testing().sendRequest(.GET, "/fr/agreements/\(AgreementsDemo.agreementSlug)").body.string
            func escaped(_ text: String?) -> String { (text ?? "missing").replacingOccurrences(of: "'", with: "&#39;") }
            for objective in objectives {
                // each page shows the objectives in its own language, never the three at once
                #expect(html.contains(escaped(objective.text.ar)), "Arabic objective missing: \(objective.text.ar ?? "")")
                #expect(!html.contains(escaped(objective.text.fr)), "French objective on the Arabic page")
                #expect(french.contains(escaped(objective.text.fr)), "French objective missing: \(objective.text.fr ?? "")")
                #expect(!french.contains(escaped(objective.text.ar)), "Arabic objective on the French page")
            }
            #expect(html.contains("تقديم تقرير سنوي عن مشاريع الاقتصاد التضامني للجمعيات المنخرطة"))
            #expect(html.contains("مرافقة الشبكة في تنظيم دورات تكوينية لفائدة الجمعيات المنخرطة"))
        }
    }

    @Test func aCommitmentPastItsDueDateShowsAsLate() async throws {
        let clock = ManualClock(ISO8601DateFormatter().date(from: "2025-03-01T00:00:00Z")!)
        try await withShabaka(demo: true, clock: clock) { app in
            // setup: the network's yearly report is due 2025-03-31
            func lateFlags() async throws -> [String: Bool] {
                let response = try await app.testing().sendRequest(.GET,
                    "/api/v1/agreements/\(AgreementsDemo.agreementSlug)/commitments")
                struct Item: Decodable { let due_on: String; let late: Bool }
                return Dictionary(uniqueKeysWithValues: try response.decoded([Item].self).map { ($0.due_on, $0.late) })
            }
            #expect(try await lateFlags()["2025-03-31"] == false)

            // act
            clock.advance(by: 45 * 24 * 3600)
            let flags = try await lateFlags()
            let page = try await app.testing().sendRequest(.GET, "/en/agreements/\(AgreementsDemo.agreementSlug)").body.string

            // assert: overdue and flagged; done commitments are never late
            #expect(flags["2025-03-31"] == true)
            #expect(flags["2024-12-31"] == false)
            #expect(page.contains("Late commitments: 1"))
            #expect(page.contains(#"class="flag-late""#))
        }
    }

    @Test func recordingMeasurementsMovesProgressAndFlags() async throws {
        try await withShabaka(demo: true, clock: ManualClock(midYear2026)) { app in
            // setup
            try await makeUser(app, email: "evaluator@example.org", roles: [.evaluator])
            try await makeUser(app, email: "citizen@example.org", roles: [.citizen])
            let token = try await apiToken(app, email: "evaluator@example.org")
            let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-05").first())
            let lowerIsBetter = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-06").first())
            func status(_ code: String) async throws -> (String, Double?) {
                let response = try await app.testing().sendRequest(.GET,
                    "/api/v1/strategies/\(AgreementsDemo.strategySlug)?year=2026")
                struct Report: Decodable {
                    struct Axis: Decodable { let objectives: [Objective] }
                    struct Objective: Decodable { let indicators: [Line] }
                    struct Line: Decodable { let code: String; let progress: Progress }
                    struct Progress: Decodable { let status: String; let value: Double? }
                    let axes: [Axis]
                }
                let line = try response.decoded(Report.self).axes.flatMap(\.objectives).flatMap(\.indicators)
                    .first { $0.code == code }
                return (line?.progress.status ?? "?", line?.progress.value)
            }
            func record(_ id: UUID, _ json: String, as bearer: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, "/api/v1/indicators/\(id)/measurements",
                    headers: ["Authorization": "Bearer \(bearer)", "Content-Type": "application/json"],
                    body: ByteBuffer(string: json))
            }
            #expect(try await status("IND-05").0 == "no_data")

            // act + assert: 2026 target is 10 processes; half the year is gone
            #expect(try await record(indicator.id!, #"{"period": "2026-Q1", "value": 2, "source": "بلديات"}"#, as: token).status == .created)
            #expect(try await status("IND-05").0 == "late")
            _ = try await record(indicator.id!, #"{"period": "2026-Q2", "value": 2, "source": "بلديات"}"#, as: token)
            #expect(try await status("IND-05") == ("at_risk", 4))
            _ = try await record(indicator.id!, #"{"period": "2026-Q2", "value": 4, "source": "بلديات"}"#, as: token)
            #expect(try await status("IND-05") == ("on_track", 6))

            // lower is better: 2026 target 35 days from a 60-day baseline
            _ = try await record(lowerIsBetter.id!, #"{"period": "2026-Q3", "value": 52, "source": "الشبكة"}"#, as: token)
            #expect(try await status("IND-06").0 == "late")
            _ = try await record(lowerIsBetter.id!, #"{"period": "2026-Q4", "value": 44, "source": "الشبكة"}"#, as: token)
            #expect(try await status("IND-06").0 == "on_track")

            // bad input and roles
            let citizen = try await apiToken(app, email: "citizen@example.org")
            #expect(try await record(indicator.id!, #"{"period": "2026", "value": 1, "source": "x"}"#, as: citizen).status
                    == .forbidden)
            let bad = try await record(indicator.id!, #"{"period": "2026-Q5", "value": -1}"#, as: token)
            #expect(bad.status == .unprocessableEntity)
            for field in ["period", "value", "source"] { #expect(bad.body.string.contains(#""field":"\#(field)""#)) }
            let outside = try await record(indicator.id!, #"{"period": "2031", "value": 1, "source": "x"}"#, as: token)
            #expect(outside.status == .unprocessableEntity)
            let jobs = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-03").first())
            let mismatch = try await record(jobs.id!,
                #"{"period": "2026-Q3", "value": 10, "breakdown": {"sex": {"f": 3, "m": 4}}, "source": "x"}"#, as: token)
            #expect(mismatch.status == .unprocessableEntity && mismatch.body.string.contains("breakdown.sex"))
        }
    }

    @Test func forbiddenCommitmentTransitionsAreRefusedWithTheAllowedSteps() async throws {
        try await withShabaka(demo: true, clock: ManualClock(midYear2026)) { app in
            // setup
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            try await makeUser(app, email: "citizen@example.org", roles: [.citizen])
            let coordinator = try await apiToken(app, email: "coordinator@example.org")
            let citizen = try await apiToken(app, email: "citizen@example.org")
            let planned = try #require(try await Commitment.query(on: app.db).filter(\.$state == .planned).first())
            func act(_ json: String, _ bearer: String, _ language: String = "fr") async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, "/api/v1/commitments/\(planned.id!)/transitions",
                    headers: ["Authorization": "Bearer \(bearer)", "Content-Type": "application/json",
                              "Accept-Language": language], body: ByteBuffer(string: json))
            }

            // act
            let skip = try await act(#"{"action": "complete"}"#, coordinator)
            let role = try await act(#"{"action": "start"}"#, citizen, "en")
            let dropWithoutReason = try await act(#"{"action": "drop"}"#, coordinator)
            let start = try await act(#"{"action": "start"}"#, coordinator)
            let finish = try await act(#"{"action": "complete"}"#, coordinator)

            // assert
            #expect(skip.status == .conflict)
            #expect(skip.body.string.contains("« Terminer » n'est pas possible tant que le dossier est « Prévu »"))
            #expect(skip.body.string.contains("Commencer"))
            #expect(role.status == .forbidden)
            #expect(role.body.string.contains("Coordinator"))
            #expect(dropWithoutReason.status == .unprocessableEntity)
            #expect(start.status == .ok && finish.status == .ok)
            #expect(finish.body.string.contains(#""progress":100"#))
            let history = try await WorkflowStep.history(workflow: "commitment", subjectID: planned.id!, on: app.db)
            #expect(history.map(\.action) == ["plan", "start", "complete"])
        }
    }

    @Test func followUpsAreRecordedOnThePageAndTheIndicatorTableExportsAsCSV() async throws {
        try await withShabaka(demo: true, clock: ManualClock(midYear2026)) { app in
            // setup
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let browser = Browser(app)
            try await signIn(browser, email: "coordinator@example.org")
            let path = "/ar/agreements/\(AgreementsDemo.agreementSlug)"
            try await browser.get(path)

            // act
            let bad = try await browser.post(path + "/follow-ups", form: ["occurred_on": "2026-02-30", "text": ""])
            let good = try await browser.post(path + "/follow-ups", form: [
                "occurred_on": "2026-06-20", "text": "لقاء جهوي في وهران بحضور 25 جمعية", "progress": "30",
            ])
            let page = try await browser.get(path)
            let csv = try await app.testing().sendRequest(.GET,
                "/api/v1/strategies/\(AgreementsDemo.strategySlug)/indicators.csv?year=2024")
            let dashboard = try await app.testing().sendRequest(.GET, "/fr/strategies/\(AgreementsDemo.strategySlug)?year=2024")

            // assert
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("أدخل تاريخًا صحيحًا"))
            #expect(good.status == .seeOther)
            #expect(page.body.string.contains("لقاء جهوي في وهران بحضور 25 جمعية"))
            #expect(csv.body.string.hasPrefix("axis,objective,indicator,name,unit,direction,baseline"))
            #expect(csv.body.string.contains("A1,O1.1,IND-01"))
            #expect(csv.body.string.contains(",2024,40,40,1.000,on_track"))
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.string.contains("<svg class=\"bar\""))
            #expect(dashboard.body.string.contains("Plan d&#39;action 2024 de l&#39;Observatoire"))
        }
    }
}
