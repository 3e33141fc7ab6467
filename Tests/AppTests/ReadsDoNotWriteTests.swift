import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Reading a page never writes")
struct ReadsDoNotWriteTests {
    @Test func anOverdueDifficultyIsShownOverdueAndOnlyTheWorkerEscalatesIt() async throws {
        let clock = ManualClock()
        try await withShabaka(demo: true, clock: clock) { app in
            // setup: the demo's decided difficulty, its deadline long past
            let difficulty = try #require(try await Difficulty.query(on: app.db).filter(\.$state == .decided).first())
            let id = try difficulty.requireID()
            clock.advance(by: 400 * 86_400)
            let before = (try await rowCount(app, "workflow_steps"), try await rowCount(app, "notifications"),
                          try await rowCount(app, "audit_entries"), try await rowCount(app, "outbox_messages"))
            let browser = Browser(app)

            // act: every page and answer that shows it, in every language
            var pages: [String] = []
            for language in ["ar", "fr", "en"] {
                pages.append(try await browser.get("/\(language)/difficulties/\(id)").body.string)
                pages.append(try await browser.get("/\(language)/difficulties").body.string)
                pages.append(try await browser.get("/\(language)/projects/\(ProjectsDemo.flagshipSlug)").body.string)
            }
            let api = try await apiCall(app, .GET, "/api/v1/difficulties/\(id)", token: nil).body.string
            _ = try await apiCall(app, .GET, "/api/v1/difficulties", token: nil)
            _ = try await apiCall(app, .GET, "/api/v1/projects/\(ProjectsDemo.flagshipSlug)", token: nil)

            // assert: nothing written, the state unchanged, and the pages say it is overdue
            let after = (try await rowCount(app, "workflow_steps"), try await rowCount(app, "notifications"),
                         try await rowCount(app, "audit_entries"), try await rowCount(app, "outbox_messages"))
            #expect(after == before)
            #expect(try await Difficulty.find(id, on: app.db)?.state == .decided)
            #expect(api.contains(#""overdue":true"#))
            #expect(pages[0].contains("تجاوز الأجل") && pages[3].contains("Échéance dépassée"))
            #expect(pages[6].contains("Past its deadline") && pages[7].contains("Past its deadline"))

            // act: the worker's command
            let escalated = await runCommand(app, ["projects", "escalate"])

            // assert
            #expect(escalated.output.contains("escalated 1"))
            #expect(try await Difficulty.find(id, on: app.db)?.state == .escalated)
        }
    }
}
