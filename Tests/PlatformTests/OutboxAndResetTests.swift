import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Password reset and the mail outbox")
struct OutboxAndResetTests {
    @Test func aPasswordResetGoesThroughTheOutboxAndChangesThePassword() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "forgetful@example.org", name: "Salim")
            let browser = Browser(app)
            try await browser.get("/fr/password/forgot")

            // act: ask for a link
            let asked = try await browser.post("/fr/password/forgot", form: ["email": "forgetful@example.org"])
            let unknown = try await browser.post("/fr/password/forgot", form: ["email": "nobody@example.org"])

            // assert: same answer either way, one message queued, in the account's language (Arabic)
            #expect(asked.status == .ok)
            #expect(asked.body.string.contains("Si un compte utilise cette adresse"))
            #expect(unknown.body.string.contains("Si un compte utilise cette adresse"))
            let messages = try await OutboxMessage.query(on: app.db).all()
            #expect(messages.count == 1)
            let message = try #require(messages.first)
            #expect(message.subject == "شبكة: إعادة تعيين كلمة المرور")
            #expect(message.status == .pending)
            #expect(message.body.contains("/ar/password/reset?token=" + OutboxMessage.secretMarker))
            let path = try await outboxLink(app, to: "forgetful@example.org", containing: "/password/reset")
            #expect(!message.body.contains(String(path.split(separator: "=").last!)))

            // act: follow the link and choose a new password
            let form = try await browser.get(path)
            #expect(form.status == .ok)
            let mismatch = try await browser.post("/ar/password/reset", form: [
                "token": String(path.split(separator: "=").last!), "password": "a brand new password",
                "password_confirmation": "something else",
            ])
            #expect(mismatch.status == .unprocessableEntity)
            let done = try await browser.post("/ar/password/reset", form: [
                "token": String(path.split(separator: "=").last!), "password": "a brand new password",
                "password_confirmation": "a brand new password",
            ])

            // assert: the new password works, the link is spent
            #expect(done.status == .ok)
            #expect(done.body.string.contains("تم تغيير كلمة المرور"))
            try await signIn(browser, email: "forgetful@example.org", password: "a brand new password")
            #expect(try await browser.get(path).status == .badRequest)
        }
    }

    @Test func theAdminOutboxPageShowsQueuedMessages() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "admin@example.org", roles: [.admin])
            try await Outbox.enqueue(to: "x@example.org", subject: "Réunion du réseau", body: "Ordre du jour",
                                     kind: "notice", on: app.db, at: app.clock.now())
            let browser = Browser(app)
            try await signIn(browser, email: "admin@example.org")

            // act
            let page = try await browser.get("/fr/admin/outbox")

            // assert
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Réunion du réseau"))
            #expect(page.body.string.contains("En attente"))
        }
    }

    @Test func deliveryGoesThroughSendmailAndRetriesAFailure() async throws {
        // setup: a sendmail that fails once, then stores what it is given
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("sendmail")
        let marker = folder.appendingPathComponent("failed-once")
        let mailbox = folder.appendingPathComponent("mailbox")
        try """
        #!/bin/sh
        if [ ! -f "\(marker.path)" ]; then touch "\(marker.path)"; echo "relay unreachable" >&2; exit 75; fi
        cat >> "\(mailbox.path)"
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let clock = ManualClock()

        try await withShabaka(clock: clock, adjust: { $0.sendmailPath = script.path }) { app in
            try await Outbox.enqueue(to: "member@example.org", subject: "اجتماع الشبكة", body: "جدول الأعمال",
                                     kind: "notice", on: app.db, at: app.clock.now())

            // act: first try fails, the retry is not due yet, then it is
            let first = await runCommand(app, ["outbox", "deliver"])
            let tooEarly = await runCommand(app, ["outbox", "deliver"])
            clock.advance(by: 61)
            let second = await runCommand(app, ["outbox", "deliver"])

            // assert
            #expect(first.output.contains("sent 0, retrying 1, failed 0"))
            #expect(tooEarly.output.contains("sent 0, retrying 0, failed 0"))
            #expect(second.output.contains("sent 1, retrying 0, failed 0"))
            let message = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(message.status == .sent)
            #expect(message.attempts == 2)
            let delivered = try String(contentsOf: mailbox, encoding: .utf8)
            #expect(delivered.contains("To: member@example.org"))
            #expect(delivered.contains("Subject: =?UTF-8?B?"))
            #expect(delivered.contains("جدول الأعمال"))
        }
    }
}
