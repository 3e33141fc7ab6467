import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Roles and permissions")
struct RolesTests {
    @Test func aRoleWithoutThePermissionGets403NamingWhoMay() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "citizen@example.org", roles: [.citizen])
            let browser = Browser(app)
            try await signIn(browser, email: "citizen@example.org")

            // act
            let response = try await browser.get("/ar/admin/outbox")

            // assert
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("لا تملك صلاحية القيام بهذا"))
            #expect(response.body.string.contains("مدير المنصة"))
        }
    }

    @Test func anAdministratorReadsTheOutboxAndGrantsRoles() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "admin@example.org", roles: [.admin])
            let target = try await makeUser(app, email: "new@example.org", roles: [.citizen])
            let browser = Browser(app)
            try await signIn(browser, email: "admin@example.org")

            // act
            let outbox = try await browser.get("/en/admin/outbox")
            try await browser.get("/en/admin/users")
            let granted = try await browser.post("/en/admin/users/\(try target.requireID())/roles",
                                                 form: ["role": "reviewer", "change": "grant"])

            // assert
            #expect(outbox.status == .ok)
            #expect(granted.status == .seeOther)
            let token = try await apiToken(app, email: "new@example.org")
            let me = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"])
            #expect(me.body.string.contains("\"reviewer\""))
        }
    }

    @Test func anAnonymousVisitorIsSentToSignIn() async throws {
        try await withShabaka { app in
            // act
            let response = try await app.testing().sendRequest(.GET, "/en/admin/users")

            // assert
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/en/sign-in?next=/en/admin/users")
        }
    }

    @Test func thePolicyGivesAdminsEverythingAndCitizensParticipationAndRegistration() {
        #expect(Permission.allCases.allSatisfy { AccessPolicy.allows([.admin], $0) })
        #expect(Permission.allCases.filter { AccessPolicy.allows([.citizen], $0) } == [.registerOrganizations, .participate])
        #expect(AccessPolicy.roles(granting: .readOutbox) == [.admin])
    }
}
