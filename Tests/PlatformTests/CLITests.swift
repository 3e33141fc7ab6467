import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Command line")
struct CLITests {
    @Test func createAdminPrintsAOneTimePasswordThatSignsIn() async throws {
        try await withShabaka { app in
            // act
            let result = await runCommand(app, ["create-admin", "--email", "Boss@Example.org"])

            // assert
            #expect(result.error == nil)
            let line = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("One-time password: ") })
            let password = String(line.dropFirst("One-time password: ".count))
            let browser = Browser(app)
            try await signIn(browser, email: "boss@example.org", password: password)
            #expect(try await browser.get("/en/admin/outbox").status == .ok)

            // the account page asks for one's own password; the printed one then stops working
            let asked = try await browser.get("/en/account").body.string
            #expect(asked.contains("You signed in with a temporary password"))
            let wrong = try await browser.post("/en/account/password", form: [
                "current_password": "not it", "password": "my own long password", "password_confirmation": "my own long password",
            ])
            let changed = try await browser.post("/en/account/password", form: [
                "current_password": password, "password": "my own long password", "password_confirmation": "my own long password",
            ])
            let after = try await browser.get("/en/account?password_changed=1").body.string
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("The current password is not right."))
            #expect(changed.status == .seeOther && after.contains("The password is changed.")
                && !after.contains("You signed in with a temporary password"))
            let again = Browser(app)
            _ = try await again.get("/en/sign-in")
            let old = try await again.post("/en/sign-in", form: ["email": "boss@example.org", "password": password])
            #expect(old.status != .seeOther, "the printed password no longer signs in")
            try await signIn(Browser(app), email: "boss@example.org", password: "my own long password")
        }
    }

    @Test func createAdminRefusesABadEmail() async throws {
        try await withShabaka { app in
            let result = await runCommand(app, ["create-admin", "--email", "nope"])
            #expect(result.error != nil)
        }
    }
}
