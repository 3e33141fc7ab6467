import Directory
import Fluent
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// Every page an administrator can open renders in every language, with the language's direction.
@Suite("Every page renders")
struct EveryPageRendersTests {
    @Test(arguments: SiteLanguage.allCases)
    func everyStaticPageRendersForAnAdministrator(language: SiteLanguage) async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "admin@example.org", roles: [.admin])
            let browser = Browser(app)
            try await signIn(browser, email: "admin@example.org")
            let application = try #require(try await MembershipApplication.query(on: app.db).first())
            let person = try #require(try await Person.query(on: app.db).first())
            let difficulty = try #require(try await Difficulty.query(on: app.db).first())
            let request = try #require(try await ExpertiseRequest.query(on: app.db).first())
            let paths = [
                "", "account", "account/profile", "account/erase", "notifications", "admin/outbox", "admin/users",
                "admin/organizations/import", "organizations", "organizations?q=%D8%AC%D9%85%D8%B9%D9%8A%D8%A9&page=1",
                "organizations/\(DirectoryDemo.networkSlug)", "experts", "people/\(person.id!)", "membership/apply",
                "membership/applications", "membership/applications/\(application.id!)", "password/forgot",
                "projects", "projects?state=in_progress&wilaya=05", "projects/new", "projects/\(ProjectsDemo.flagshipSlug)",
                "projects/ghardaia-women-weaving-workshop", "difficulties", "difficulties?category=funding&older_than=7",
                "difficulties/\(difficulty.id!)", "expertise", "expertise/\(request.id!)", "csr", "cooperation", "evaluations", "evaluations?phase=final",
            ]

            for path in paths {
                // act
                let response = try await browser.get("/\(language.rawValue)/\(path)")

                // assert
                #expect(response.status == .ok, "\(path): \(response.status)")
                #expect(response.body.string.contains(#"<html lang="\#(language.rawValue)" dir="\#(language.direction)">"#),
                        "\(path)")
            }
        }
    }
}
