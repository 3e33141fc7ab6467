import Agreements
import Directory
import Fluent
import Foundation
import Platform
import Projects
import PropertyBased
import ShabakaTestSupport
import Testing
import VaporTesting

/// Every numeric field of the API, pushed to its extremes: each answer is a 2xx or a 4xx, never a 500, and
/// every page that shows the stored numbers still renders afterwards (a `1e300` once stopped the process).
@Suite("Extreme numbers in every numeric field")
struct NumericBoundsTests {
    /// JSON literals at and past every edge: integer limits, overflowing text, huge and tiny doubles, wrong types.
    static let literals = [
        "0", "-1", "1", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "1e300", "-1e300", "1e400", "1.5", "0.1", "1e-300", "100000000000001", "1000000000000.5",
        "123456789012345678901234567890", #""NaN""#, #""Infinity""#, #""12""#, "null", "true", "[]", "{}",
    ]
    /// Query-string and form values (`Double("…")` would accept several of these).
    static let words = ["nan", "inf", "-inf", "1e300", "0x1p10", "9223372036854775808", "-0", "1.5", "٣", "" ]

    struct Target: Sendable {
        let method: HTTPMethod
        let path: String
        let json: String?   // `§` stands for the value
        let as_: String
        /// Refused whatever the number (a step the request's state does not allow): it still parses the number.
        var expectsRefusal = false
    }

    @Test func everyNumericFieldAnswers4xxOr2xxAndThePagesStillRender() async throws {
        try await withShabaka(demo: true) { app in
            let world = try await NumbersWorld.make(app)
            let targets = world.targets

            // act 1: every field with every edge literal; a plain value must get through (the target is real)
            for target in targets {
                var accepted = false
                for literal in Self.literals {
                    let status = try await world.send(target, value: literal)
                    #expect(status.code < 500, "\(target.method) \(target.path) with \(literal): \(status)")
                    accepted = accepted || (200..<300).contains(status.code)
                }
                #expect(accepted || target.expectsRefusal, "\(target.method) \(target.path) accepted no value")
            }
            // act 2: random numbers of every magnitude (mantissa × 10^exponent) and integers anywhere
            await propertyCheck(count: 300, input: Gen.int(in: 0...(targets.count - 1)), Gen.double(in: -10...10),
                                Gen.int(in: -320...320), Gen.int(in: Int.min...Int.max)) { index, mantissa, exponent, integer in
                let target = targets[index]
                for value in ["\(mantissa)e\(exponent)", "\(integer)"] {
                    let status = try await world.send(target, value: value)
                    #expect(status.code < 500, "\(target.method) \(target.path) with \(value): \(status)")
                }
            }
            // act 3: form-encoded and query values
            for word in Self.words {
                let form = try await world.sendForm("period=2026&source=x&value=" + (word.addingPercentEncoding(
                    withAllowedCharacters: .alphanumerics) ?? ""))
                #expect(form.code < 500, "form value \(word): \(form)")
                for query in world.queries {
                    let status = try await apiCall(app, .GET, query + (word.addingPercentEncoding(
                        withAllowedCharacters: .alphanumerics) ?? ""), token: nil).status
                    #expect(status.code < 500, "\(query)\(word): \(status)")
                }
            }

            // assert: alive, and every page showing the numbers renders
            for path in world.pagesToRender {
                #expect(try await apiCall(app, .GET, path, token: nil).status == .ok, "\(path)")
            }
        }
    }

    @Test func valuesStoredBeforeTheBoundsNeverTrapAPage() async throws {
        try await withShabaka(demo: true) { app in
            // setup: what a database written before the bounds may hold
            let world = try await NumbersWorld.make(app)
            for (code, value) in [("IND-01", 1e300), ("IND-02", -1e300), ("IND-03", Double.greatestFiniteMagnitude)] {
                let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$code == code).first())
                try await MeasurementService.store(indicatorID: try indicator.requireID(), period: "2026", year: 2026,
                                                   value: value, breakdown: [:], source: "old", recordedBy: "old",
                                                   on: app.db, now: app.clock.now())
            }
            let company = try #require(try await Organization.query(on: app.db).filter(\.$slug == ProjectsDemo.companySlug)
                .first())
            for _ in 0..<2 {
                let pledge = CSRPledge()
                pledge.companyID = try company.requireID()
                pledge.kind = .money
                pledge.details = "old"
                pledge.valueMinor = Int64.max / 2 + 10
                pledge.deliveredMinor = Int64.max / 2 + 5
                pledge.currency = "DZD"
                pledge.state = .confirmed
                pledge.pledgedOn = "2026-01-01"
                try await pledge.create(on: app.db)
            }

            // act + assert
            for path in world.pagesToRender {
                #expect(try await apiCall(app, .GET, path, token: nil).status == .ok, "\(path)")
            }
        }
    }
}

/// The demo world with one account per role that writes numbers, and the ids the targets need.
struct NumbersWorld: Sendable {
    let app: Application
    let tokens: [String: String]
    let targets: [NumericBoundsTests.Target]
    let queries: [String]
    let pagesToRender: [String]
    let measurementsPath: String

    static func make(_ app: Application) async throws -> NumbersWorld {
        try await makeRepresentative(app, email: "rep@example.org", of: "tadamoun-batna")
        try await makeRepresentative(app, email: "company@example.org", of: ProjectsDemo.companySlug)
        try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
        try await makeUser(app, email: "evaluator@example.org", roles: [.evaluator])
        try await makeUser(app, email: "expert@example.org", roles: [.expert])
        var tokens: [String: String] = [:]
        for email in ["rep@example.org", "company@example.org", "coordinator@example.org", "evaluator@example.org",
                      "expert@example.org"] {
            tokens[email] = try await apiToken(app, email: email)
        }
        func indicator(_ code: String) async throws -> UUID {
            try #require(try await Indicator.query(on: app.db).filter(\.$code == code).first()?.id)
        }
        let ind01 = try await indicator("IND-01"), ind03 = try await indicator("IND-03")
        let association = try #require(try await Organization.query(on: app.db).filter(\.$slug == "tadamoun-batna").first()?.id)
        let company = try #require(try await Organization.query(on: app.db).filter(\.$slug == ProjectsDemo.companySlug)
            .first()?.id)
        let confirmed = try #require(try await CSRPledge.query(on: app.db).filter(\.$state == .confirmed).first()?.id)
        let request = try #require(try await ExpertiseRequest.query(on: app.db).first()?.id)
        // a diagnosed difficulty of the flagship project, for solutions
        let flagship = ProjectsDemo.flagshipSlug
        let reported = try await apiCall(app, .POST, "/api/v1/projects/\(flagship)/difficulties", token: tokens["rep@example.org"],
                                          json: #"{"category": "funding", "severity": "low", "title": "t", "description": "d"}"#)
        struct Created: Decodable { let id: UUID }
        let difficulty = try JSONDecoder().decode(Created.self, from: reported.body).id
        _ = try await apiCall(app, .POST, "/api/v1/difficulties/\(difficulty)/transitions",
                              token: tokens["coordinator@example.org"], json: #"{"action": "diagnose", "reason": "c"}"#)
        let agreement = AgreementsDemo.agreementSlug, strategy = AgreementsDemo.strategySlug
        let project = """
            {"organization_id": "\(association)", "title": {"ar": "مشروع"}, "summary": {"ar": "م"},
             "social_need": {"ar": "ح"}, "beneficiaries": "ب", "domain_code": "sse.crafts", "wilaya_code": "05",
             "budget_minor": BUDGET, "currency": "DZD", "funding": [{"source": "x", "amount_minor": FUNDING}],
             "starts_on": "2026-01-01", "ends_on": "2026-12-31", "expected_jobs": JOBS}
            """
        func projectJSON(_ budget: String, _ funding: String, _ jobs: String) -> String {
            project.replacingOccurrences(of: "BUDGET", with: budget).replacingOccurrences(of: "FUNDING", with: funding)
                .replacingOccurrences(of: "JOBS", with: jobs)
        }
        let scores = DACCriterion.allCases.map { "\"\($0.rawValue)\": \($0 == .impact ? "§" : "3")" }.joined(separator: ", ")
        let targets: [NumericBoundsTests.Target] = [
            .init(method: .POST, path: "/api/v1/indicators/\(ind01)/measurements",
                  json: #"{"period": "2026", "value": §, "source": "x"}"#, as_: "coordinator@example.org"),
            .init(method: .POST, path: "/api/v1/indicators/\(ind03)/measurements",
                  json: #"{"period": "2026-Q2", "value": 6, "breakdown": {"sex": {"f": §, "m": 5}}, "source": "x"}"#,
                  as_: "coordinator@example.org"),
            .init(method: .POST, path: "/api/v1/agreements/\(agreement)/follow-ups",
                  json: #"{"occurred_on": "2026-01-05", "text": "t", "progress": §}"#, as_: "coordinator@example.org"),
            .init(method: .POST, path: "/api/v1/projects", json: projectJSON("§", "1", "1"), as_: "rep@example.org"),
            .init(method: .POST, path: "/api/v1/projects", json: projectJSON("1000", "§", "1"), as_: "rep@example.org"),
            .init(method: .POST, path: "/api/v1/projects", json: projectJSON("1000", "1", "§"), as_: "rep@example.org"),
            .init(method: .POST, path: "/api/v1/projects/\(flagship)/reports",
                  json: #"{"period": "2020-Q1", "narrative": "n", "jobs_created": §, "jobs_sustained": 0, "#
                      + #""beneficiaries": 0, "revenue_minor": 0, "volunteers": 0}"#,
                  as_: "rep@example.org"),
            .init(method: .POST, path: "/api/v1/projects/\(flagship)/reports",
                  json: #"{"period": "2020-Q2", "narrative": "n", "jobs_created": 2, "jobs_sustained": 0, "#
                      + #""jobs_created_breakdown": {"sex": {"f": §, "m": 1}}, "beneficiaries": 1, "revenue_minor": 0, "#
                      + #""volunteers": 0}"#,
                  as_: "rep@example.org"),
            .init(method: .POST, path: "/api/v1/projects/\(flagship)/reports",
                  json: #"{"period": "2020-Q3", "narrative": "n", "jobs_created": 0, "jobs_sustained": 0, "#
                      + #""beneficiaries": §, "revenue_minor": §, "volunteers": §}"#, as_: "rep@example.org"),
            .init(method: .POST, path: "/api/v1/projects/\(flagship)/evaluations",
                  json: #"{"phase": "mid_term", "findings": "f", "recommendations": "r", "scores": {"# + scores + "}}",
                  as_: "evaluator@example.org"),
            .init(method: .POST, path: "/api/v1/difficulties/\(difficulty)/solutions",
                  json: #"{"description": "s", "cost_minor": §, "duration_days": 5}"#, as_: "expert@example.org"),
            .init(method: .POST, path: "/api/v1/difficulties/\(difficulty)/solutions",
                  json: #"{"description": "s", "cost_minor": 5, "duration_days": §}"#, as_: "expert@example.org"),
            .init(method: .POST, path: "/api/v1/expertise-requests/\(request)/transitions",
                  json: #"{"action": "complete", "reason": "r", "rating": §}"#, as_: "coordinator@example.org",
                  expectsRefusal: true),
            .init(method: .POST, path: "/api/v1/csr-pledges",
                  json: #"{"company_id": "\#(company)", "kind": "money", "description": "d", "value_minor": §}"#,
                  as_: "company@example.org"),
            .init(method: .POST, path: "/api/v1/csr-pledges/\(confirmed)/deliveries",
                  json: #"{"delivered_on": "2026-01-02", "value_minor": §}"#, as_: "coordinator@example.org"),
        ]
        let queries = [
            "/api/v1/strategies/\(strategy)?year=", "/api/v1/strategies/\(strategy)/indicators.csv?year=",
            "/api/v1/action-plans?year=", "/api/v1/difficulties?older_than=", "/api/v1/projects?page=",
            "/api/v1/projects?size=", "/ar/difficulties?older_than=", "/ar/strategies/\(strategy)?year=",
        ]
        let pages = [
            "/healthz", "/ar/strategies/\(strategy)", "/fr/strategies/\(strategy)?year=2026",
            "/api/v1/strategies/\(strategy)?year=2026", "/api/v1/strategies/\(strategy)/indicators.csv?year=2026",
            "/ar/strategies/\(strategy)/indicators/\(ind01)", "/ar/strategies/\(strategy)/indicators/\(ind03)",
            "/api/v1/indicators/\(ind01)/measurements", "/ar/csr", "/api/v1/csr-pledges/companies",
            "/ar/projects/\(flagship)", "/api/v1/projects/\(flagship)", "/ar/agreements/\(agreement)",
        ]
        return NumbersWorld(app: app, tokens: tokens, targets: targets, queries: queries, pagesToRender: pages,
                            measurementsPath: "/api/v1/indicators/\(ind01)/measurements")
    }

    func send(_ target: NumericBoundsTests.Target, value: String) async throws -> HTTPResponseStatus {
        let json = target.json?.replacingOccurrences(of: "§", with: value)
        return try await apiCall(app, target.method, target.path, token: tokens[target.as_], json: json).status
    }

    /// The measurement API with a form-encoded body (which decodes numbers from text).
    func sendForm(_ body: String) async throws -> HTTPResponseStatus {
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        headers.bearerAuthorization = .init(token: tokens["coordinator@example.org"] ?? "")
        return try await app.testing().sendRequest(.POST, measurementsPath, headers: headers,
                                                   body: ByteBuffer(string: body)).status
    }
}
