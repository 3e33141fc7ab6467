import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Reset links stay secret and work once")
struct ResetLinkTests {
    @Test func theOutboxNeverShowsTheLinkAndForgetsItOnceSent() async throws {
        // setup: a sendmail that keeps what it is given
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("sendmail"), mailbox = folder.appendingPathComponent("mailbox")
        try "#!/bin/sh\ncat >> \"\(mailbox.path)\"\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)

        try await withShabaka(adjust: { $0.sendmailPath = script.path }) { app in
            try await makeUser(app, email: "admin@example.org", roles: [.admin])
            try await makeUser(app, email: "member@example.org")
            let stranger = Browser(app)
            try await stranger.get("/en/password/forgot")
            try await stranger.post("/en/password/forgot", form: ["email": "member@example.org"])
            let link = try await outboxLink(app, to: "member@example.org", containing: "/password/reset")
            let token = String(link.split(separator: "=").last!)

            // act
            let admin = Browser(app)
            try await signIn(admin, email: "admin@example.org")
            let outbox = try await admin.get("/en/admin/outbox")
            _ = await runCommand(app, ["outbox", "deliver"])

            // assert: staff never see the token; the mail carried it; the outbox no longer holds it
            #expect(outbox.body.string.contains("[personal link hidden]"))
            #expect(!outbox.body.string.contains(token))
            #expect(try String(contentsOf: mailbox, encoding: .utf8).contains(token))
            let stored = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "member@example.org")
                .first())
            #expect(stored.secret == nil && !stored.body.contains(token))
        }
    }

    @Test func aLinkWorksOnceEvenWhenSentTwiceAtOnceAndANewerLinkEndsTheOlder() async throws {
        try await withShabaka { app in
            // setup: two links asked for
            try await makeUser(app, email: "member@example.org")
            let browser = Browser(app)
            try await browser.get("/en/password/forgot")
            try await browser.post("/en/password/forgot", form: ["email": "member@example.org"])
            let older = try await outboxLink(app, to: "member@example.org", containing: "/password/reset")
            try await browser.post("/en/password/forgot", form: ["email": "member@example.org"])
            let newer = try await outboxLink(app, to: "member@example.org", containing: "/password/reset")
            #expect(older != newer)
            try await browser.get(newer)
            let form = ["token": String(newer.split(separator: "=").last!), "password": "first new password",
                        "password_confirmation": "first new password"]

            // act: the same link posted twice at the same moment
            async let first = browser.post("/en/password/reset", form: form)
            async let second = browser.post("/en/password/reset", form: form)
            let statuses = [try await first.status, try await second.status]

            // assert: one change; both links are spent
            #expect(statuses.sorted { $0.code < $1.code } == [.ok, .badRequest])
            #expect(try await browser.get(older).status == .badRequest)
            #expect(try await browser.get(newer).status == .badRequest)
        }
    }
}
