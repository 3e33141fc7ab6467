import App
import Directory
import Fluent
import Foundation
import Platform
import SQLKit
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

/// The one-time link of the newest mail to `recipient` whose body holds `pathPart`, as a path (`/ar/…?token=…`),
/// with the secret the outbox keeps beside the message (the stored body never holds it).
public func outboxLink(_ app: Application, to recipient: String, containing pathPart: String) async throws -> String {
    let messages = try await OutboxMessage.query(on: app.db).filter(\.$recipient == recipient)
        .sort(\.$createdAt, .descending).all()
    for message in messages {
        guard let line = message.body.split(separator: "\n").first(where: { $0.contains(pathPart) }),
              let start = line.range(of: "/ar/") ?? line.range(of: "/fr/") ?? line.range(of: "/en/") else { continue }
        guard let secret = message.secret else { throw FixtureError("the secret of the mail to \(recipient) is gone") }
        return String(line[start.lowerBound...]).replacingOccurrences(of: OutboxMessage.secretMarker, with: secret)
    }
    throw FixtureError("no mail to \(recipient) with \(pathPart)")
}

/// An account with the representative role that represents the organisation with this slug (its profile
/// is private), as staff would set it up.
@discardableResult
public func makeRepresentative(
    _ app: Application, email: String, of organizationSlug: String, name: String = "ممثل الجمعية"
) async throws -> User {
    guard let organization = try await Organization.query(on: app.db).filter(\.$slug == organizationSlug).first() else {
        throw FixtureError("no organisation \(organizationSlug)")
    }
    let user = try await makeUser(app, email: email, name: name, roles: [.organizationRepresentative])
    let person = Person()
    person.userID = try user.requireID()
    person.displayName = name
    person.kind = .member
    person.languages = "ar"
    person.availability = .available
    person.isPublic = false
    try await person.create(on: app.db)
    try await OrganizationRepresentative(organizationID: try organization.requireID(), personID: try person.requireID(),
                                         role: .president).create(on: app.db)
    return user
}

/// Rows in a table, counted with SQL (for tables whose models are internal to their room).
public func rowCount(_ app: Application, _ table: String) async throws -> Int {
    guard let sql = app.db as? any SQLDatabase else { throw FixtureError("not an SQL database") }
    let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
    return try row?.decode(column: "n", as: Int.self) ?? 0
}
