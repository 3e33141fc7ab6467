import Fluent
import Platform
import SQLKit
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Audit log")
struct AuditTests {
    @Test func everyWriteAppendsAChainedEntryAndVerifyPasses() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "one@example.org")
            try await makeUser(app, email: "two@example.org")
            let browser = Browser(app)
            try await signIn(browser, email: "one@example.org")

            // act
            let result = await runCommand(app, ["audit", "verify"])

            // assert
            let entries = try await AuditEntry.query(on: app.db).sort(\.$seq).all()
            #expect(entries.map(\.action) == ["user.created", "user.created", "session.created"])
            #expect(entries[1].previousHash == entries[0].hash)
            #expect(result.error == nil)
            #expect(result.output.contains("audit log intact: 3 entries verified"))
        }
    }

    @Test func verifyNamesTheFirstEntryEditedInTheDatabase() async throws {
        try await withShabaka { app in
            // setup
            for index in 1...4 { try await makeUser(app, email: "u\(index)@example.org") }
            let sql = try #require(app.db as? any SQLDatabase)

            // act: someone edits entry 2 behind the application's back
            try await sql.raw("UPDATE audit_entries SET actor_label = 'someone else' WHERE seq = 2").run()
            let result = await runCommand(app, ["audit", "verify"])

            // assert
            #expect(result.error != nil)
            #expect(result.output.contains("audit log BROKEN at entry 2"))
            #expect(try await AuditLog.verify(on: app.db) != .intact(entries: 4))
        }
    }

    @Test func verifyNoticesADeletedEntry() async throws {
        try await withShabaka { app in
            // setup
            for index in 1...3 { try await makeUser(app, email: "d\(index)@example.org") }
            let sql = try #require(app.db as? any SQLDatabase)

            // act
            try await sql.raw("DELETE FROM audit_entries WHERE seq = 3").run()
            let verification = try await AuditLog.verify(on: app.db)

            // assert
            guard case .broken(let seq, _, _) = verification else {
                Issue.record("expected a broken chain")
                return
            }
            #expect(seq == 3)
        }
    }
}
