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
        }
    }

    @Test func createAdminRefusesABadEmail() async throws {
        try await withShabaka { app in
            let result = await runCommand(app, ["create-admin", "--email", "nope"])
            #expect(result.error != nil)
        }
    }
}
