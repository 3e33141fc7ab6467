import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// The one-time form id of the form posting to `action` on a page.
func formID(in html: String, action: String) throws -> String {
    guard let form = html.range(of: #"action=""# + action + #"""#) else { throw FixtureError("no form to \(action)") }
    let rest = html[form.upperBound...]
    guard let field = rest.range(of: #"name="_form_id" value=""#) else { throw FixtureError("no form id") }
    return String(rest[field.upperBound...].prefix { $0 != "\"" })
}

@Suite("A form sent twice is done once")
struct DoubleSubmitTests {
    static let project = "/ar/projects/" + ProjectsDemo.flagshipSlug

    /// The flagship project's association's representative, signed in on its page, and the difficulty form's id.
    static func representativeOnTheProject(_ app: Application) async throws -> (Browser, String) {
        try await makeRepresentative(app, email: "rep@example.org", of: "tadamoun-batna")
        let browser = Browser(app)
        try await signIn(browser, email: "rep@example.org")
        let page = try await browser.get(project)
        return (browser, try formID(in: page.body.string, action: project + "/difficulties"))
    }

    @Test func twoQuickPostsOfOneFormCreateOneDifficulty() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            let (browser, id) = try await Self.representativeOnTheProject(app)
            let form = ["_form_id": id, "category": "legal", "severity": "medium", "title": "عقد الإيجار لم يُجدَّد",
                        "description": "انتهى عقد إيجار المحل."]

            // act: a double click, then the same form sent again later (a resend after a slow answer)
            async let first = browser.post(Self.project + "/difficulties", form: form)
            async let second = browser.post(Self.project + "/difficulties", form: form)
            let answers = [try await first, try await second]
            let third = try await browser.post(Self.project + "/difficulties", form: form)

            // assert: one difficulty; every answer leads to it
            let created = try await Difficulty.query(on: app.db).filter(\.$title == "عقد الإيجار لم يُجدَّد").all()
            #expect(created.count == 1)
            let location = "/ar/difficulties/\(try #require(created.first?.id).uuidString)"
            #expect(answers.allSatisfy { $0.status == .seeOther && $0.location == location })
            #expect(third.location == location && third.headers.first(name: "Idempotent-Replayed") == "true")
        }
    }

    @Test func aRefusedFormCanBeCorrectedAndSentWithTheSameID() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            let (browser, id) = try await Self.representativeOnTheProject(app)

            // act
            let refused = try await browser.post(Self.project + "/difficulties", form: [
                "_form_id": id, "category": "legal", "severity": "medium", "title": "", "description": "x"])
            let corrected = try await browser.post(Self.project + "/difficulties", form: [
                "_form_id": id, "category": "legal", "severity": "medium", "title": "عنوان", "description": "x"])

            // assert
            #expect(refused.status == .unprocessableEntity)
            #expect(corrected.status == .seeOther)
            #expect(try await Difficulty.query(on: app.db).filter(\.$title == "عنوان").count() == 1)
        }
    }

    @Test func aSecondReportForThePeriodIsExplainedOnTheForm() async throws {
        try await withShabaka(demo: true) { app in
            // setup: a report for 2026-Q1 exists
            try await makeRepresentative(app, email: "rep@example.org", of: "tadamoun-batna")
            let browser = Browser(app)
            try await signIn(browser, email: "rep@example.org")
            try await browser.get(Self.project)
            let report = ["period": "2025-Q1", "narrative": "تقدم جيد", "jobs_created_breakdown[sex][f]": "1", "jobs_sustained_breakdown[sex][f]": "0"]
            #expect(try await browser.post(Self.project + "/reports", form: report).status == .seeOther)

            // act: another report (another form) for the same quarter
            try await browser.get(Self.project)
            let again = try await browser.post(Self.project + "/reports", form: report.merging(["narrative": "نص ثان"]) { $1 })

            // assert: the form again, with what was typed and the reason on the period
            #expect(again.status == .conflict)
            let html = again.body.string
            #expect(html.contains("نص ثان"))
            #expect(html.contains(#"id="period-error""#))
        }
    }

    @Test func theAPIAnswersARepeatedIdempotencyKeyWithTheFirstResult() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeRepresentative(app, email: "rep@example.org", of: "tadamoun-batna")
            let token = try await apiToken(app, email: "rep@example.org")
            let path = "/api/v1/projects/\(ProjectsDemo.flagshipSlug)/difficulties"
            let json = #"{"category": "skills", "severity": "low", "title": "نقص في التكوين", "description": "x"}"#
            func send(_ body: String, key: String) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                headers.contentType = .json
                headers.bearerAuthorization = .init(token: token)
                headers.add(name: "Idempotency-Key", value: key)
                return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
            }

            // act
            let first = try await send(json, key: "c0ffee-1")
            let repeated = try await send(json, key: "c0ffee-1")
            let reused = try await send(json.replacingOccurrences(of: "low", with: "high"), key: "c0ffee-1")
            let other = try await send(json, key: "c0ffee-2")

            // assert
            #expect(first.status == .created && repeated.status == .created)
            #expect(first.body.string == repeated.body.string)
            #expect(repeated.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(reused.status == .unprocessableEntity && reused.body.string.contains("platform.idempotency_key_reused"))
            #expect(other.status == .created)
            #expect(try await Difficulty.query(on: app.db).filter(\.$title == "نقص في التكوين").count() == 2)
        }
    }
}
