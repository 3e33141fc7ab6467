import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("JSON API: tokens, me and problem details")
struct APITests {
    struct Problem: Decodable {
        struct Field: Decodable { let field: String; let message: String }
        let status: Int
        let code: String
        let title: String
        let errors: [Field]
    }

    func json(_ text: String, language: String = "en") -> (HTTPHeaders, ByteBuffer) {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: .acceptLanguage, value: language)
        return (headers, ByteBuffer(string: text))
    }

    func problem(_ response: TestingHTTPResponse) throws -> Problem {
        #expect(response.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
        return try JSONDecoder().decode(Problem.self, from: response.body)
    }

    @Test func aTokenFromTheTokensEndpointReadsMe() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "reader@example.org", name: "Karim", roles: [.member, .expert])

            // act
            let token = try await apiToken(app, email: "reader@example.org")
            let me = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"])

            // assert
            #expect(me.status == .ok)
            struct Me: Decodable { let email: String; let display_name: String; let roles: [String]; let permissions: [String] }
            let body = try JSONDecoder().decode(Me.self, from: me.body)
            #expect(body.email == "reader@example.org")
            #expect(body.display_name == "Karim")
            #expect(body.roles == ["expert", "member"])
            #expect(body.permissions.contains("expertise.answer"))
            #expect(!body.permissions.contains("outbox.read"))
        }
    }

    @Test func meWithoutOrWithABadTokenIs401ProblemJSON() async throws {
        try await withShabaka { app in
            // act
            let anonymous = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Accept-Language": "fr"])
            let forged = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer shb_forged"])

            // assert
            #expect(anonymous.status == .unauthorized)
            #expect(try problem(anonymous).title == "Veuillez vous connecter pour continuer.")
            #expect(forged.status == .unauthorized)
            #expect(try problem(forged).code == "platform.invalid_token")
        }
    }

    @Test func aRevokedTokenNoLongerWorks() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "revoke@example.org")
            let token = try await apiToken(app, email: "revoke@example.org")
            let auth: HTTPHeaders = ["Authorization": "Bearer \(token)"]

            // act
            let revoked = try await app.testing().sendRequest(.DELETE, "/api/v1/auth/tokens/current", headers: auth)
            let after = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: auth)

            // assert
            #expect(revoked.status == .noContent)
            #expect(after.status == .unauthorized)
        }
    }

    @Test func malformedJSONIs400() async throws {
        try await withShabaka { app in
            // act
            let (headers, body) = json(#"{"email": "a@b.org", "password": "#)
            let response = try await app.testing().sendRequest(.POST, "/api/v1/auth/tokens", headers: headers, body: body)

            // assert
            #expect(response.status == .badRequest)
            #expect(try problem(response).code == "platform.malformed_body")
        }
    }

    @Test func wrongTypesAndMissingFieldsNameTheField() async throws {
        try await withShabaka { app in
            // act
            let (headers, wrongType) = json(#"{"email": 42, "password": "x"}"#, language: "fr")
            let typed = try await app.testing().sendRequest(.POST, "/api/v1/auth/tokens", headers: headers, body: wrongType)
            let (_, missing) = json(#"{"email": "a@b.org"}"#)
            let absent = try await app.testing().sendRequest(.POST, "/api/v1/auth/tokens", headers: headers, body: missing)
            let (_, invalid) = json(#"{"email": "not-an-address", "password": ""}"#)
            let wrongValues = try await app.testing().sendRequest(.POST, "/api/v1/auth/tokens", headers: headers, body: invalid)

            // assert
            #expect(typed.status == .unprocessableEntity)
            let typeProblem = try problem(typed)
            #expect(typeProblem.errors.map(\.field) == ["email"])
            #expect(typeProblem.errors.first?.message == "Type incorrect : un(e) texte est attendu(e).")
            #expect(absent.status == .unprocessableEntity)
            #expect(try problem(absent).errors.map(\.field) == ["password"])
            #expect(wrongValues.status == .unprocessableEntity)
            #expect(try problem(wrongValues).errors.map(\.field).sorted() == ["email", "password"])
        }
    }

    @Test func anOversizedBodyIs413() async throws {
        try await withShabaka(adjust: { $0.maxBodyBytes = 2048 }) { app in
            // act
            let (headers, body) = json(#"{"email": "a@b.org", "password": ""# + String(repeating: "x", count: 4096) + #""}"#)
            let api = try await app.testing().sendRequest(.POST, "/api/v1/auth/tokens", headers: headers, body: body)
            let browser = Browser(app)
            try await browser.get("/en/sign-in")
            let web = try await browser.post("/en/sign-in", form: ["email": String(repeating: "y", count: 4096)])

            // assert
            #expect(api.status == .payloadTooLarge)
            #expect(try problem(api).code == "platform.payload_too_large")
            #expect(web.status == .payloadTooLarge)
            #expect(web.headers.contentType == .html)
            #expect(web.body.string.contains("The request is too large"))
        }
    }

    @Test func unknownRoutesAre404InTheRightFormat() async throws {
        try await withShabaka { app in
            // act
            let api = try await app.testing().sendRequest(.GET, "/api/v1/no-such-thing", headers: ["Accept-Language": "ar"])
            let page = try await app.testing().sendRequest(.GET, "/fr/no-such-page")
            let badLanguage = try await app.testing().sendRequest(.GET, "/de/sign-in")

            // assert
            #expect(api.status == .notFound)
            #expect(try problem(api).title == "هذه الصفحة غير موجودة.")
            #expect(page.status == .notFound)
            #expect(page.headers.contentType == .html)
            #expect(page.body.string.contains("Cette page n&#39;existe pas."))
            #expect(page.body.string.contains(#"<html lang="fr" dir="ltr">"#))
            #expect(badLanguage.status == .notFound)
        }
    }

    @Test func aWrongContentTypeIsA4xxNotA500() async throws {
        try await withShabaka { app in
            // act
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/auth/tokens", headers: ["Content-Type": "text/csv"], body: ByteBuffer(string: "a,b"))

            // assert
            #expect((400..<500).contains(response.status.code))
            #expect(try problem(response).status == Int(response.status.code))
        }
    }
}
