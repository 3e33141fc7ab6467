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

/// Erasure removes a person's name from everything they wrote, everywhere it shows, and what the platform
/// kept about their address; the personal-data export, before, lists all of it.
@Suite("Erasure leaves no name behind")
struct ErasureTests {
    static let name = "زبيدة بن تستة"

    @Test func everyContributionIsExportedThenShownAsByAFormerMember() async throws {
        try await withShabaka(demo: true) { app in
            // setup: one person in every role that writes, who writes everywhere
            let user = try await makeRepresentative(app, email: "zoubida@example.org", of: "tadamoun-batna", name: Self.name)
            for role in [Role.coordinator, .evaluator, .expert] {
                try await UserRole(userID: try user.requireID(), role: role).create(on: app.db)
            }
            let token = try await apiToken(app, email: "zoubida@example.org")
            func post(_ path: String, _ json: String) async throws -> TestingHTTPResponse {
                let response = try await apiCall(app, .POST, path, token: token, json: json)
                #expect(response.status.code < 300, "\(path): \(response.body.string.prefix(300))")
                return response
            }
            let project = "/api/v1/projects/" + ProjectsDemo.flagshipSlug
            _ = try await post(project + "/reports", #"{"period": "2025-Q1", "narrative": "n", "jobs_created": 1, "#
                                   + #""jobs_sustained": 0, "beneficiaries": 0, "revenue_minor": 0, "volunteers": 0}"#)
            struct Created: Decodable { let id: UUID }
            let difficulty = try JSONDecoder().decode(Created.self, from: try await post(project + "/difficulties",
                #"{"category": "legal", "severity": "low", "title": "ت", "description": "و"}"#).body).id
            _ = try await post("/api/v1/difficulties/\(difficulty)/transitions", #"{"action": "diagnose", "reason": "س"}"#)
            _ = try await post("/api/v1/difficulties/\(difficulty)/solutions",
                               #"{"description": "ح", "cost_minor": 0, "duration_days": 3}"#)
            _ = try await post(project + "/evaluations", #"{"phase": "mid_term", "findings": "f", "recommendations": "r", "#
                                   + #""scores": {"relevance": 3, "coherence": 3, "effectiveness": 3, "efficiency": 3, "#
                                   + #""impact": 3, "sustainability": 3}}"#)
            _ = try await post("/api/v1/agreements/\(AgreementsDemo.agreementSlug)/follow-ups",
                               #"{"occurred_on": "2026-01-05", "text": "متابعة"}"#)
            let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-01").first()?.id)
            _ = try await post("/api/v1/indicators/\(indicator)/measurements",
                               #"{"period": "2026-Q1", "value": 3, "source": "s"}"#)
            let association = try #require(try await Organization.query(on: app.db).filter(\.$slug == "tadamoun-batna")
                .first()?.id)
            _ = try await post("/api/v1/expertise-requests", #"{"organization_id": "\#(association)", "#
                                   + #""domain_code": "sse.agriculture", "language": "ar", "subject": "ط", "description": "و"}"#)
            let pledge = try #require(try await CSRPledge.query(on: app.db).filter(\.$state == .confirmed).first()?.id)
            _ = try await post("/api/v1/csr-pledges/\(pledge)/deliveries", #"{"delivered_on": "2026-01-02", "value_minor": 5}"#)
            let browser = Browser(app)
            try await signIn(browser, email: "zoubida@example.org")
            try await browser.get("/en/password/forgot")
            try await browser.post("/en/password/forgot", form: ["email": "zoubida@example.org"])
            let pages = ["/ar/projects/" + ProjectsDemo.flagshipSlug, "/ar/difficulties/\(difficulty)",
                         "/ar/agreements/" + AgreementsDemo.agreementSlug, project, project + "/reports",
                         "/api/v1/difficulties/\(difficulty)", "/api/v1/evaluations",
                         "/api/v1/indicators/\(indicator)/measurements", "/api/v1/agreements/\(AgreementsDemo.agreementSlug)"]
            for path in pages {
                #expect(try await apiCall(app, .GET, path, token: token).body.string.contains(Self.name), "\(path)")
            }

            // act 1: the export
            let export = try await apiCall(app, .GET, "/api/v1/me/data", token: token)
            struct Export: Decodable { let contributions: [String: [[String: String]]]; let mail: [[String: String]] }
            let data = try JSONDecoder().decode(Export.self, from: export.body)

            // assert 1
            for section in ["project_reports", "difficulties", "solutions", "evaluations", "agreement_follow_ups",
                            "indicator_measurements", "expertise_requests", "csr_deliveries"] {
                #expect(data.contributions[section]?.isEmpty == false, "\(section)")
            }
            #expect(data.mail.contains { $0["kind"] == "password_reset" })
            #expect(!export.body.string.contains(OutboxMessage.secretMarker))

            // act 2: erasure
            #expect(try await apiCall(app, .DELETE, "/api/v1/me", token: token).status == .noContent)

            // assert 2: the name is gone from every page, replaced by "former member"; nothing kept about the address
            let reader = try await apiToken(app, email: "viewer@example.org", roles: [.coordinator])
            for path in pages {
                let body = try await apiCall(app, .GET, path, token: reader, language: "en").body.string
                #expect(!body.contains(Self.name), "\(path)")
            }
            #expect(try await apiCall(app, .GET, "/ar/difficulties/\(difficulty)", token: nil).body.string.contains("عضو سابق"))
            #expect(try await apiCall(app, .GET, project + "/reports", token: nil, language: "fr").body.string
                .contains("Ancien membre"))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "zoubida@example.org").count() == 0)
            let keys = try await throttleKeys(app)
            #expect(!keys.contains { $0.contains("zoubida") })
            #expect(try await rowCount(app, "account_tokens") == 0)
            #expect(try await browser.get("/en/account").status == .seeOther)
            #expect(try await rowCount(app, "sessions") == 0)
        }
    }
}

private func apiToken(_ app: Application, email: String, roles: [Role]) async throws -> String {
    try await makeUser(app, email: email, roles: roles)
    return try await apiToken(app, email: email)
}

private func throttleKeys(_ app: Application) async throws -> [String] {
    guard let sql = app.db as? any SQLDatabase else { return [] }
    return try await sql.raw("SELECT throttle_key FROM throttle_counters").all().map {
        try $0.decode(column: "throttle_key", as: String.self)
    }
}
