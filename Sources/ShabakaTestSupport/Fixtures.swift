import App
import Fluent
import Foundation
import Platform
import VaporTesting

/// Creates an account directly (no HTTP), with the given roles.
@discardableResult
public func makeUser(
    _ app: Application, email: String, password: String = "correct horse battery", name: String = "Test Person",
    roles: [Role] = [.citizen]
) async throws -> User {
    let input = Accounts.SignUp(displayName: name, email: email, password: password, passwordConfirmation: nil,
                                language: .ar)
    return try await Accounts.create(input, roles: roles, on: app.db, passwords: Passwords(app), actor: .system,
                                     now: app.clock.now())
}

/// Signs a browser in through the sign-in form.
public func signIn(_ browser: Browser, email: String, password: String = "correct horse battery") async throws {
    try await browser.get("/en/sign-in")
    let response = try await browser.post("/en/sign-in", form: ["email": email, "password": password])
    guard response.status == .seeOther else {
        throw FixtureError("sign-in failed with \(response.status): \(response.body.string.prefix(300))")
    }
}

/// A bearer token through the API.
public func apiToken(_ app: Application, email: String, password: String = "correct horse battery") async throws -> String {
    var headers = HTTPHeaders()
    headers.contentType = .json
    let body = try JSONEncoder().encode(["email": email, "password": password])
    let response = try await app.testing().sendRequest(.POST, "/api/v1/auth/tokens", headers: headers,
                                                       body: ByteBuffer(data: body))
    struct Token: Decodable { let token: String }
    guard response.status == .created else { throw FixtureError("token request failed: \(response.status)") }
    return try JSONDecoder().decode(Token.self, from: response.body).token
}

public struct FixtureError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A JSON API call with a bearer token (none when `token` is nil) in a language; returns the response.
public func apiCall(
    _ app: Application, _ method: HTTPMethod, _ path: String, token: String?, json: String? = nil, language: String = "en"
) async throws -> TestingHTTPResponse {
    var headers = HTTPHeaders()
    headers.add(name: .acceptLanguage, value: language)
    if let token { headers.bearerAuthorization = .init(token: token) }
    if json != nil { headers.contentType = .json }
    return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
}
