import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Sign-in throttling")
struct ThrottleTests {
    @Test func theSixthWrongPasswordInARowIsRefusedWith429() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "target@example.org")
            let browser = Browser(app)
            try await browser.get("/en/sign-in")

            // act: five wrong passwords are answered normally
            for _ in 1...5 {
                let wrong = try await browser.post("/en/sign-in", form: ["email": "target@example.org",
                                                                         "password": "wrong password"])
                #expect(wrong.status == .unauthorized)
                #expect(wrong.body.string.contains("The e-mail address or the password is wrong."))
            }
            let sixth = try await browser.post("/en/sign-in", form: ["email": "target@example.org",
                                                                     "password": "correct horse battery"])

            // assert: even the right password is refused now
            #expect(sixth.status == .tooManyRequests)
            let retryAfter = try #require(sixth.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect(retryAfter > 0 && retryAfter <= 15 * 60)
            #expect(sixth.body.string.contains("Too many failed attempts."))
        }
    }

    @Test func theWindowPassesAfterFifteenMinutes() async throws {
        let clock = ManualClock()
        try await withShabaka(clock: clock) { app in
            // setup
            try await makeUser(app, email: "wait@example.org")
            let browser = Browser(app)
            try await browser.get("/en/sign-in")
            for _ in 1...5 {
                try await browser.post("/en/sign-in", form: ["email": "wait@example.org", "password": "nope nope"])
            }
            #expect(try await browser.post("/en/sign-in", form: ["email": "wait@example.org",
                                                                 "password": "correct horse battery"]).status == .tooManyRequests)

            // act
            clock.advance(by: 15 * 60 + 1)
            let later = try await browser.post("/en/sign-in", form: ["email": "wait@example.org",
                                                                     "password": "correct horse battery"])

            // assert
            #expect(later.status == .seeOther)
        }
    }

    @Test func theAPITokenEndpointIsThrottledToo() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "api@example.org")
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.add(name: .acceptLanguage, value: "ar")
            let wrong = ByteBuffer(string: #"{"email":"api@example.org","password":"wrong password"}"#)

            // act
            for _ in 1...5 {
                let response = try await app.testing().sendRequest(.POST, "/api/v1/auth/tokens", headers: headers, body: wrong)
                #expect(response.status == .unauthorized)
            }
            let sixth = try await app.testing().sendRequest(.POST, "/api/v1/auth/tokens", headers: headers, body: wrong)

            // assert
            #expect(sixth.status == .tooManyRequests)
            #expect(sixth.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
            #expect(sixth.body.string.contains("محاولات فاشلة كثيرة"))
            #expect(sixth.headers.first(name: "Retry-After") != nil)
        }
    }

    @Test func oneAddressSharedByManyPeopleIsNotLockedAfterFiveFailures() async throws {
        try await withShabaka { app in
            // setup: behind one address (a university, a mobile carrier), six people mistype their password
            try await makeUser(app, email: "student@example.org")
            let browser = Browser(app)
            try await browser.get("/en/sign-in")
            for index in 1...6 {
                let wrong = try await browser.post("/en/sign-in", form: ["email": "person\(index)@example.org",
                                                                         "password": "wrong password"])
                #expect(wrong.status == .unauthorized)
            }

            // act: someone else at the same address
            let signedIn = try await browser.post("/en/sign-in", form: ["email": "student@example.org",
                                                                        "password": "correct horse battery"])

            // assert
            #expect(signedIn.status == .seeOther)
        }
    }

    @Test func theAddressLimitIsGenerousButReal() async throws {
        try await withShabaka(adjust: { $0.attemptsPerAddressPerMinute = 30 }) { app in
            // setup
            let browser = Browser(app)
            try await browser.get("/en/sign-in")

            // act: thirty-one attempts within a minute from one address, each at another account
            var statuses: [HTTPResponseStatus] = []
            for index in 1...31 {
                statuses.append(try await browser.post("/en/sign-in", form: ["email": "guess\(index)@example.org",
                                                                             "password": "wrong password"]).status)
            }

            // assert
            #expect(statuses.prefix(30).allSatisfy { $0 == .unauthorized })
            #expect(statuses.last == .tooManyRequests)
        }
    }

    @Test func fortySimultaneousGuessesGetExactlyFivePasswordChecks() async throws {
        try await withShabaka(adjust: { $0.attemptsPerAddressPerMinute = 1_000 }) { app in
            // setup
            try await makeUser(app, email: "target@example.org")
            let ledger = recordPasswordWork(app)
            let headers: HTTPHeaders = ["Content-Type": "application/json"]
            let body = ByteBuffer(string: #"{"email":"target@example.org","password":"a wrong guess"}"#)

            // act
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await app.testing().sendRequest(.POST, "/api/v1/auth/tokens", headers: headers, body: body).status
                    }
                }
                return try await group.reduce(into: [HTTPResponseStatus]()) { $0.append($1) }
            }

            // assert
            #expect(statuses.filter { $0 == .unauthorized }.count == 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 35)
            #expect(ledger.checkedDigests.count == 5)
        }
    }
}

