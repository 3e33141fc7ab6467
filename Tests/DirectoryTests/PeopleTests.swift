import Directory
import Fluent
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("People, expert profiles, personal data and erasure")
struct PeopleTests {
    @Test func aProfileIsPublicOnlyWithConsent() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "expert@example.org", name: "Nadia")
            let browser = Browser(app)
            try await signIn(browser, email: "expert@example.org")
            try await browser.get("/en/account/profile")

            // act: save a private expert profile
            let saved = try await browser.post("/en/account/profile", form: [
                "display_name": "Nadia Expert", "kind": "expert", "title": "Micro-finance adviser", "wilaya_code": "16",
                "availability": "limited", "languages[]": "fr", "expertise[]": "sse.finance",
            ])
            #expect(saved.status == .seeOther)
            let person = try #require(try await Person.query(on: app.db).filter(\.$displayName == "Nadia Expert").first())
            let hidden = try await app.testing().sendRequest(.GET, "/en/people/\(person.id!)")
            let hiddenAPI = try await app.testing().sendRequest(.GET, "/api/v1/people")
            // act: publish it
            try await browser.get("/en/account/profile")
            try await browser.post("/en/account/profile", form: [
                "display_name": "Nadia Expert", "kind": "expert", "availability": "limited", "expertise[]": "sse.finance",
                "public": "1",
            ])
            let shown = try await app.testing().sendRequest(.GET, "/en/people/\(person.id!)")
            let experts = try await app.testing().sendRequest(.GET, "/en/experts?domain=sse.finance")

            // assert
            #expect(hidden.status == .notFound)
            #expect(!hiddenAPI.body.string.contains("Nadia"))
            #expect(shown.status == .ok)
            #expect(shown.body.string.contains("Solidarity finance and microcredit"))
            #expect(experts.body.string.contains("Nadia Expert"))
            #expect(try await Person.find(person.id, on: app.db)?.consentedAt != nil)
        }
    }

    @Test func theExpertsDirectorySearchesArabicProfiles() async throws {
        try await withShabaka(demo: true) { app in
            let query = "الميزانية التشاركية".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            let html = try await app.testing().sendRequest(.GET, "/ar/experts?q=\(query)").body.string
            #expect(html.contains("أمينة زروقي"))
            #expect(!html.contains("Karim Haddad"))
        }
    }

    @Test func aPersonDownloadsTheirDataThenErasesTheAccount() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            let user = try await makeUser(app, email: "leaving@example.org", name: "Yacine")
            let token = try await apiToken(app, email: "leaving@example.org")
            let auth: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            _ = try await app.testing().sendRequest(.PUT, "/api/v1/people/me", headers: auth,
                                                    body: ByteBuffer(string: #"{"display_name": "Yacine B.", "public": true}"#))

            // act
            let data = try await app.testing().sendRequest(.GET, "/api/v1/me/data", headers: auth)
            let browser = Browser(app)
            try await signIn(browser, email: "leaving@example.org")
            try await browser.get("/en/account/erase")
            let wrong = try await browser.post("/en/account/erase", form: ["confirm": "someone@else.org"])
            let erased = try await browser.post("/en/account/erase", form: ["confirm": "leaving@example.org"])

            // assert
            #expect(data.status == .ok)
            #expect(data.body.string.contains("leaving@example.org") && data.body.string.contains("Yacine B."))
            #expect(wrong.status == .unprocessableEntity)
            #expect(erased.status == .seeOther)
            let account = try #require(try await User.find(user.id, on: app.db))
            #expect(account.erasedAt != nil && account.displayName.isEmpty && !account.email.contains("leaving"))
            let person = try #require(try await Person.query(on: app.db).filter(\.$userID == user.id!).first())
            #expect(person.displayName.isEmpty && !person.isPublic)
            let after = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: auth)
            #expect(after.status == .unauthorized)
            #expect(try await AuditLog.verify(on: app.db) != .broken(seq: 0, id: nil, reason: ""))
            let labels = try await AuditEntry.query(on: app.db).all().map(\.actorLabel)
            #expect(!labels.contains { $0.contains("leaving@example.org") })
        }
    }
}

@Suite("Organisations API: create and update")
struct OrganizationsAPITests {
    @Test func aCoordinatorCreatesAndUpdatesAnOrganisation() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "coord@example.org", roles: [.coordinator])
            try await makeUser(app, email: "member@example.org", roles: [.member])
            let coord = try await apiToken(app, email: "coord@example.org")
            let member = try await apiToken(app, email: "member@example.org")
            let body = #"""
            {"slug": "sahara-coop", "kind": "association", "name": {"ar": "جمعية تعاونية الصحراء", "fr": "Coopérative du Sahara"},
             "wilaya_code": "30", "domains": ["sse.agriculture"], "email": "contact@sahara.dz"}
            """#

            // act
            func call(_ method: HTTPMethod, _ path: String, _ token: String, _ json: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(method, path, headers: ["Authorization": "Bearer \(token)",
                                                                            "Content-Type": "application/json"],
                                                    body: ByteBuffer(string: json))
            }
            let registration = try await call(.POST, "/api/v1/organizations", member, body)
            let created = try await call(.POST, "/api/v1/organizations", coord, body)
            let duplicate = try await call(.POST, "/api/v1/organizations", coord, body)
            let invalid = try await call(.PATCH, "/api/v1/organizations/sahara-coop", coord,
                                         #"{"website": "ftp://x", "founded_on": "2030-01-01"}"#)
            let updated = try await call(.PATCH, "/api/v1/organizations/sahara-coop", coord,
                                         #"{"name": {"ar": "جمعية تعاونية الواحات", "en": "Oases Cooperative"}}"#)
            let search = try await app.testing().sendRequest(.GET, "/api/v1/organizations?q=%D8%A7%D9%84%D9%88%D8%A7%D8%AD%D8%A7%D8%AA")

            // assert
            // someone who is not staff registers an organisation instead, and must say their function in it
            #expect(registration.status == .unprocessableEntity
                && registration.body.string.contains(#""field":"representative_role""#))
            #expect(created.status == .created)
            #expect(created.headers.first(name: .location)?.hasPrefix("/api/v1/organizations/") == true)
            #expect(duplicate.status == .unprocessableEntity && duplicate.body.string.contains(#""field":"slug""#))
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.string.contains(#""field":"website""#) && invalid.body.string.contains(#""field":"founded_on""#))
            #expect(updated.status == .ok && updated.body.string.contains("Oases Cooperative"))
            #expect(search.body.string.contains("sahara-coop"))
        }
    }
}
