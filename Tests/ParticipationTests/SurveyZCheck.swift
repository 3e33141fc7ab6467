import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite struct SurveyZCheck {
    @Test func which() async throws {
        try await withShabaka(demo: true) { app in
            try await makeUser(app, email: "admin@example.org", roles: [.admin])
            let browser = Browser(app)
            try await signIn(browser, email: "admin@example.org")
            let survey = try #require(try await Survey.query(on: app.db).first())
            var out = ""
            var paths: [String] = []
            for route in app.routes.all where route.method == .GET && route.path.first?.description == ":lang" {
                let parts = route.path.dropFirst().map(\.description)
                if parts.contains(where: { $0.hasPrefix(":") }) && !parts.contains(":id") { continue }
                if parts.first == "surveys" || !parts.contains(":id") {
                    paths.append(parts.map { $0 == ":id" ? "\(survey.id!)" : $0 }.joined(separator: "/"))
                }
            }
            for path in paths {
                let r = try await browser.get("/en/" + path)
                if r.status != .ok { out += "\(path) \(r.status.code)\n" }
            }
            try out.write(toFile: "/tmp/surveys-wip/check.txt", atomically: true, encoding: .utf8)
        }
    }
}
