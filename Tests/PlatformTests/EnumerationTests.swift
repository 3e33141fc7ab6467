import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Nobody can tell which addresses have an account")
struct EnumerationTests {
    @Test func signingInWithAnUnknownAddressCostsAFullPasswordCheck() async throws {
        try await withShabaka(adjust: { $0.bcryptCost = 5 }) { app in
            // setup
            try await makeUser(app, email: "known@example.org")
            let ledger = recordPasswordWork(app)
            let browser = Browser(app)
            try await browser.get("/en/sign-in")

            // act
            let known = try await browser.post("/en/sign-in", form: ["email": "known@example.org", "password": "wrong one"])
            let unknown = try await browser.post("/en/sign-in", form: ["email": "nobody@example.org", "password": "wrong one"])

            // assert: the same answer, and each checked one password at the configured cost
            #expect(known.status == unknown.status && known.status == .unauthorized)
            #expect(ledger.checkedDigests.count == 2)
            #expect(ledger.checkedDigests.allSatisfy { $0.hasPrefix("$2b$05$") })
        }
    }

    @Test func signingUpHashesThePasswordWhetherTheAddressIsNewOrTaken() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "taken@example.org")
            let ledger = recordPasswordWork(app)
            let browser = Browser(app)
            try await browser.get("/en/sign-up")
            let form = ["display_name": "X", "password": "long enough password", "password_confirmation": "long enough password"]

            // act
            try await browser.post("/en/sign-up", form: form.merging(["email": "taken@example.org"]) { $1 })
            let afterTaken = ledger.hashes
            try await browser.post("/en/sign-up", form: form.merging(["email": "fresh@example.org"]) { $1 })

            // assert
            #expect(afterTaken == 1)
            #expect(ledger.hashes == 2)
        }
    }

    @Test func failedSignUpsAreThrottledToo() async throws {
        try await withShabaka(adjust: { $0.attemptsPerAddressPerMinute = 5 }) { app in
            // setup
            let browser = Browser(app)
            try await browser.get("/en/sign-up")

            // act: six refused sign-ups from one address
            var statuses: [HTTPResponseStatus] = []
            for _ in 0..<6 {
                statuses.append(try await browser.post("/en/sign-up", form: ["email": "bad", "password": "short"]).status)
            }

            // assert
            #expect(statuses.prefix(5).allSatisfy { $0 == .unprocessableEntity })
            #expect(statuses.last == .tooManyRequests)
        }
    }
}
