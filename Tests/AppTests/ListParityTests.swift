import Agreements
import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// Every list shown both as a page and in the API answers the same items, for every role: one query per list,
/// with who may see what decided inside it.
@Suite("Each list: the page and the API show the same items to every role")
struct ListParityTests {
    struct List: Sendable, CustomTestStringConvertible {
        let name: String
        let page: String
        let api: String
        /// The page's marker of an item, and how the API names it.
        var marker = "data-item"
        var apiID: @Sendable ([String: Any]) -> String? = { $0["id"] as? String }
        var signedInOnly = false
        var testDescription: String { name }
    }

    static let lists: [List] = [
        List(name: "organisations", page: "/en/organizations?size=100", api: "/api/v1/organizations?size=100"),
        List(name: "experts", page: "/en/experts?size=100", api: "/api/v1/people?size=100&kind=academic,expert,specialist"),
        List(name: "membership applications", page: "/en/membership/applications?size=100",
             api: "/api/v1/membership-applications?size=100", signedInOnly: true),
        List(name: "agreements", page: "/en/agreements?size=100", api: "/api/v1/agreements?size=100"),
        List(name: "strategies", page: "/en/strategies?size=100", api: "/api/v1/strategies?size=100"),
        List(name: "measurements", page: "/en/strategies/\(AgreementsDemo.strategySlug)/indicators/IND?size=100",
             api: "/api/v1/indicators/IND/measurements?size=100"),
        List(name: "projects", page: "/en/projects?size=100", api: "/api/v1/projects?size=100"),
        List(name: "difficulties", page: "/en/difficulties?size=100", api: "/api/v1/difficulties?size=100"),
        List(name: "evaluations", page: "/en/evaluations?size=100", api: "/api/v1/evaluations?size=100",
             apiID: { ($0["evaluation"] as? [String: Any])?["id"] as? String }),
        List(name: "expertise requests", page: "/en/expertise?size=100", api: "/api/v1/expertise-requests?size=100",
             signedInOnly: true),
        List(name: "CSR pledges", page: "/en/csr?size=100", api: "/api/v1/csr-pledges?size=100"),
        List(name: "CSR companies", page: "/en/csr?size=100", api: "/api/v1/csr-pledges/companies?size=100",
             marker: "data-company", apiID: { item in
                 (item["company_id"] as? String).flatMap { id in (item["currency"] as? String).map { "\(id)-\($0)" } }
             }),
        List(name: "cooperation", page: "/en/cooperation?size=100", api: "/api/v1/cooperation?size=100"),
    ]

    @Test(arguments: lists)
    func thePageAndTheAPIShowTheSameItems(list: List) async throws {
        try await withShabaka(demo: true) { app in
            // setup: the demo world, every role, and rows only some roles may see
            let world = try await ParityWorld.make(app)
            let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-03").first()?.id)
            let page = list.page.replacingOccurrences(of: "IND", with: indicator.uuidString)
            let api = list.api.replacingOccurrences(of: "IND", with: indicator.uuidString)

            for role in ParityWorld.roles where role != nil || !list.signedInOnly {
                // act
                let browser = try await world.browser(role)
                let html = try await browser.get(page)
                let json = try await apiCall(app, .GET, api, token: try await world.token(role))

                // assert: the same ids, and the list is not empty for someone
                #expect(html.status == .ok, "\(list.name) page for \(role ?? "anonymous"): \(html.status)")
                #expect(json.status == .ok, "\(list.name) API for \(role ?? "anonymous"): \(json.status)")
                let shown = Set(Self.markers(list.marker, in: html.body.string))
                let items = (try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])?["items"]
                    as? [[String: Any]] ?? []
                let answered = Set(items.compactMap(list.apiID).map { $0.uppercased() })
                #expect(shown == answered, "\(list.name) for \(role ?? "anonymous"): page \(shown) API \(answered)")
                #expect(!answered.isEmpty || list.signedInOnly, "\(list.name) is empty for \(role ?? "anonymous")")
            }
        }
    }

    static func markers(_ attribute: String, in html: String) -> [String] {
        let pattern = attribute + #"="([^"]+)""#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { html[$0].uppercased() }
        }
    }
}

/// The demo world with an account per role and rows that only some roles may see: a private expert profile,
/// the demo's draft project, an application and an expertise request of another organisation.
struct ParityWorld: Sendable {
    static let roles: [String?] = [nil, "citizen", "representative", "company", "expert", "reviewer", "evaluator",
                                   "coordinator", "admin"]

    let app: Application
    let browsers: [String: Browser]
    let tokens: [String: String]

    static func make(_ app: Application) async throws -> ParityWorld {
        try await makeRepresentative(app, email: "representative@example.org", of: "tadamoun-batna")
        try await makeRepresentative(app, email: "company@example.org", of: ProjectsDemo.companySlug)
        let simple: [(String, Role)] = [("citizen", .citizen), ("expert", .expert), ("reviewer", .reviewer),
                                        ("evaluator", .evaluator), ("coordinator", .coordinator), ("admin", .admin)]
        for (name, role) in simple { try await makeUser(app, email: "\(name)@example.org", roles: [role]) }
        let hidden = Person()
        hidden.displayName = "Private Expert"
        hidden.kind = .expert
        hidden.languages = "fr"
        hidden.availability = .available
        hidden.isPublic = false
        try await hidden.create(on: app.db)
        var browsers: [String: Browser] = [:], tokens: [String: String] = [:]
        for case let role? in roles {
            let browser = Browser(app)
            try await signIn(browser, email: "\(role)@example.org")
            browsers[role] = browser
            tokens[role] = try await apiToken(app, email: "\(role)@example.org")
        }
        return ParityWorld(app: app, browsers: browsers, tokens: tokens)
    }

    func browser(_ role: String?) async throws -> Browser {
        guard let role else { return Browser(app) }
        guard let browser = browsers[role] else { throw FixtureError("no browser for \(role)") }
        return browser
    }

    func token(_ role: String?) async throws -> String? {
        role.flatMap { tokens[$0] }
    }
}
