import Fluent
import Vapor

/// Resolves the signed-in person from the session (pages) or a bearer token (API).
public struct UserAuthenticator: AsyncMiddleware {
    static let sessionKey = "uid"

    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            guard let user = try await Self.user(forToken: bearer.token, on: request) else {
                throw PlatformError.invalidToken
            }
            request.auth.login(user)
        } else if !request.isAPI, request.hasSession, let raw = request.session.data[Self.sessionKey],
                  let id = UUID(uuidString: raw) {
            if let user = try await CurrentUser.load(userID: id, on: request.db) {
                request.auth.login(user)
            } else {
                request.session.data[Self.sessionKey] = nil
            }
        }
        return try await next.respond(to: request)
    }

    static func user(forToken token: String, on request: Request) async throws -> CurrentUser? {
        try await CurrentUser.load(tokenHash: APIToken.digest(token), now: request.now, on: request.db)
    }
}

extension Request {
    /// Starts a signed-in session under a fresh session id (so a planted id cannot be reused).
    func signIn(userID: UUID) async throws {
        if let old = session.id {
            try await application.sessions.driver.deleteSession(old, for: self)
            session.id = nil
        }
        session.data[UserAuthenticator.sessionKey] = userID.uuidString
        session.data[CSRF.sessionKey] = CSRF.randomToken()
    }

    func signOut() {
        endSignedInSession()
    }

    /// Ends the signed-in session of this request, if any (sign-out, account erasure).
    public func endSignedInSession() {
        auth.logout(CurrentUser.self)
        if storage[SessionsReadyMarker.Key.self] == true { session.destroy() }
    }
}
