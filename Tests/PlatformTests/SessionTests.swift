import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Sessions end: idle, at their lifetime, on a password reset; unknown cookies cost nothing")
struct SessionTests {
    @Test func anUnknownCookieCreatesNoSessionRowAndIsForgotten() async throws {
        try await withShabaka { app in
            // setup
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "shabaka_session=forged-or-expired-value")

            // act
            let health = try await app.testing().sendRequest(.GET, "/healthz", headers: headers)
            let page = try await app.testing().sendRequest(.GET, "/ar/", headers: headers)

            // assert
            #expect(health.status == .ok && page.status == .ok)
            #expect(try await rowCount(app, "sessions") == 0)
            let cleared = page.headers[.setCookie].first { $0.hasPrefix("shabaka_session=") }
            #expect(cleared?.contains("1970") == true)
        }
    }

    @Test func aSessionEndsAfterTwoIdleHours() async throws {
        let clock = ManualClock()
        try await withShabaka(clock: clock) { app in
            // setup
            try await makeUser(app, email: "idle@example.org")
            let browser = Browser(app)
            try await signIn(browser, email: "idle@example.org")
            clock.advance(by: 119 * 60)
            #expect(try await browser.get("/en/account").status == .ok)

            // act: the visit above restarted the idle clock; now stay away longer than the limit
            clock.advance(by: 121 * 60)
            let later = try await browser.get("/en/account")

            // assert
            #expect(later.status == .seeOther && later.location?.hasPrefix("/en/sign-in") == true)
        }
    }

    @Test func aSessionEndsAtItsLifetimeEvenWhenUsed() async throws {
        let clock = ManualClock()
        try await withShabaka(clock: clock, adjust: { $0.sessionLimits = SessionLimits(idle: 3600, lifetime: 6 * 3600) }) { app in
            // setup
            try await makeUser(app, email: "busy@example.org")
            let browser = Browser(app)
            try await signIn(browser, email: "busy@example.org")

            // act: a visit every 50 minutes for more than six hours
            var statuses: [HTTPResponseStatus] = []
            for _ in 0..<8 {
                clock.advance(by: 50 * 60)
                statuses.append(try await browser.get("/en/account").status)
            }

            // assert: signed in for six hours, then not
            #expect(statuses.prefix(7).allSatisfy { $0 == .ok })
            #expect(statuses.last == .seeOther)
        }
    }

    @Test func aPasswordResetEndsEveryOtherSessionAndToken() async throws {
        try await withShabaka { app in
            // setup: signed in on two devices and with an API token
            try await makeUser(app, email: "owner@example.org")
            let phone = Browser(app), laptop = Browser(app)
            try await signIn(phone, email: "owner@example.org")
            try await signIn(laptop, email: "owner@example.org")
            let token = try await apiToken(app, email: "owner@example.org")
            let stranger = Browser(app)
            try await stranger.get("/en/password/forgot")
            try await stranger.post("/en/password/forgot", form: ["email": "owner@example.org"])
            let link = try await outboxLink(app, to: "owner@example.org", containing: "/password/reset")
            try await stranger.get(link)

            // act
            let reset = try await stranger.post("/ar/password/reset", form: [
                "token": String(link.split(separator: "=").last!), "password": "a completely new phrase",
                "password_confirmation": "a completely new phrase",
            ])

            // assert
            #expect(reset.status == .ok)
            #expect(try await phone.get("/en/account").status == .seeOther)
            #expect(try await laptop.get("/en/account").status == .seeOther)
            #expect(try await apiCall(app, .GET, "/api/v1/me", token: token).status == .unauthorized)
            #expect(try await rowCount(app, "sessions") <= 1)   // at most the stranger's anonymous one
        }
    }

    @Test func thePurgeCommandDeletesExpiredSessions() async throws {
        let clock = ManualClock()
        try await withShabaka(clock: clock) { app in
            // setup
            try await makeUser(app, email: "gone@example.org")
            try await signIn(Browser(app), email: "gone@example.org")
            #expect(try await rowCount(app, "sessions") == 1)
            clock.advance(by: 3 * 3600)

            // act
            let result = await runCommand(app, ["purge"])

            // assert
            #expect(result.error == nil)
            #expect(result.output.contains("purged: 1 expired sessions"))
            #expect(try await rowCount(app, "sessions") == 0)
        }
    }
}
