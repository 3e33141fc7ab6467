import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// The app on a real port: what in-process tests cannot see (bodies that arrive in pieces, proxy headers,
/// raw bytes in a query). Run alone with `swift test --filter RealSocketTests`.
@Suite("On a real socket")
struct RealSocketTests {
    @Test func aTwentyKilobyteArabicFormIsAcceptedNotRefusedAsExpired() async throws {
        try await withLiveShabaka(demo: true) { app, browser in
            // setup: an association's representative on their project's page
            try await makeRepresentative(app, email: "rep@example.org", of: "tadamoun-batna")
            try await browser.get("/ar/sign-in")
            let signedIn = try await browser.post("/ar/sign-in", form: ["email": "rep@example.org",
                                                                        "password": "correct horse battery"])
            #expect(signedIn.status == .seeOther)
            try await browser.get("/ar/projects/" + ProjectsDemo.flagshipSlug)
            let description = String(repeating: "تعطل التمويل بسبب تأخر صرف الدفعة الثانية من المنحة. ", count: 70)
                .prefix(3_900)

            // act: a diagnosis-length text, about 23 KB once form-encoded
            let form = ["category": "funding", "severity": "high", "title": "تأخر صرف الدفعة الثانية",
                        "description": String(description)]
            #expect(Browser.encode(form).utf8.count > 20_000)
            let posted = try await browser.post("/ar/projects/\(ProjectsDemo.flagshipSlug)/difficulties", form: form)

            // assert: accepted and stored whole, not "this form has expired"
            #expect(posted.status == .seeOther, "\(posted.status): \(posted.body.prefix(300))")
            let stored = try await Difficulty.query(on: app.db).filter(\.$title == "تأخر صرف الدفعة الثانية").first()
            #expect(stored?.details == String(description).trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func bracketedFieldNamesArriveAsTheAPINestsThem() async throws {
        // 2026-12-15, so the last quarter of 2026 has begun.
        try await withLiveShabaka(demo: true, clock: ManualClock(Date(timeIntervalSince1970: 1_797_292_800))) { app, browser in
            // setup
            try await makeRepresentative(app, email: "rep@example.org", of: "tadamoun-batna")
            try await browser.get("/fr/sign-in")
            try await browser.post("/fr/sign-in", form: ["email": "rep@example.org", "password": "correct horse battery"])
            try await browser.get("/fr/projects/" + ProjectsDemo.flagshipSlug)

            // act: the report form as a browser sends it, names percent-encoded
            let form = ["period": "2026-Q4", "narrative": "Deux emplois", "jobs_created_breakdown[sex][f]": "2",
                        "jobs_created_breakdown[age_group][18_24]": "2", "revenue_minor": "1 500,50"]
            #expect(Browser.encode(form).contains("jobs_created_breakdown%5Bsex%5D%5Bf%5D=2"))
            let posted = try await browser.post("/fr/projects/\(ProjectsDemo.flagshipSlug)/reports", form: form)

            // assert
            let problems = posted.body.components(separatedBy: #"class="field-error""#).dropFirst().map { $0.prefix(120) }
            #expect(posted.status == .seeOther, "\(posted.status): \(problems)")
            let report = try #require(try await ProjectReport.query(on: app.db).filter(\.$period == "2026-Q4").first())
            #expect(report.jobsCreated == 2 && report.jobsCreatedBreakdown["sex"]?["f"] == 2
                        && report.jobsCreatedBreakdown["age_group"]?["18_24"] == 2)
            #expect(report.revenueMinor == 150_050)
        }
    }

    @Test func aBodyOverTheLimitIsRefusedWith413WhileStreaming() async throws {
        try await withLiveShabaka(adjust: { $0.maxBodyBytes = 4_096 }) { app, browser in
            // setup
            try await browser.get("/en/sign-in")

            // act
            let posted = try await browser.post("/en/sign-in", form: ["email": String(repeating: "a", count: 10_000)])

            // assert
            #expect(posted.status == .payloadTooLarge)
            #expect(posted.body.contains("4 KB"))
        }
    }

    @Test func aTabInNextCannotSendTheBrowserAway() async throws {
        try await withLiveShabaka { app, browser in
            // setup
            try await makeUser(app, email: "someone@example.org")
            try await browser.get("/en/sign-in")

            // act: the raw query of the attack, then a legitimate one
            let attack = try await browser.post("/en/sign-in?x=1", form: [
                "email": "someone@example.org", "password": "correct horse battery", "next": "/\t/evil.example",
            ])
            try await browser.post("/en/sign-out", form: [:])
            try await browser.get("/en/sign-in")
            let fine = try await browser.post("/en/sign-in", form: [
                "email": "someone@example.org", "password": "correct horse battery", "next": "/fr/projects?page=2",
            ])

            // assert
            #expect(attack.status == .seeOther && attack.location == "/ar/account")
            #expect(fine.location == "/fr/projects?page=2")
        }
    }

    @Test func forwardedAddressesCountOnlyBehindATrustedProxy() async throws {
        // setup: five attempts a minute per address; the test's own connections come from 127.0.0.1
        let limit: @Sendable (inout ShabakaConfig) -> Void = { $0.attemptsPerAddressPerMinute = 5 }
        let behindProxy: @Sendable (inout ShabakaConfig) -> Void = {
            limit(&$0)
            if case .success(let proxies) = TrustedProxies.parse("127.0.0.1") { $0.trustedProxies = proxies }
        }
        func attempts(_ browser: LiveBrowser, from address: String, count: Int) async throws -> [HTTPResponseStatus] {
            var statuses: [HTTPResponseStatus] = []
            for index in 0..<count {
                var headers = HTTPHeaders()
                headers.add(name: .xForwardedFor, value: address)
                statuses.append(try await browser.post("/en/sign-in", form: [
                    "email": "nobody\(index)@example.org", "password": "wrong password"], headers: headers).status)
            }
            return statuses
        }

        try await withLiveShabaka(adjust: behindProxy) { _, browser in
            try await browser.get("/en/sign-in")
            // act
            let first = try await attempts(browser, from: "203.0.113.7", count: 6)
            let other = try await attempts(browser, from: "198.51.100.9", count: 1)
            // assert: the proxy's clients are told apart
            #expect(first.prefix(5).allSatisfy { $0 == .unauthorized } && first.last == .tooManyRequests)
            #expect(other == [.unauthorized])
        }
        try await withLiveShabaka(adjust: limit) { _, browser in
            try await browser.get("/en/sign-in")
            // act: without a trusted proxy, a forged header changes nothing
            var statuses: [HTTPResponseStatus] = []
            for index in 0..<6 {
                statuses += try await attempts(browser, from: "192.0.2.\(index)", count: 1)
            }
            // assert
            #expect(statuses.last == .tooManyRequests)
        }
    }
}
