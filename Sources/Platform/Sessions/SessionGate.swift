import Vapor

/// Placed before Vapor's `SessionsMiddleware`: reads the session row once, and drops a cookie that names
/// no live session (unknown, forged or expired) so that Vapor does not create a row for it. The browser is
/// told to forget such a cookie.
struct SessionGate: AsyncMiddleware {
    struct LoadedKey: StorageKey { typealias Value = StoredSession }

    let cookieName: String

    /// Clears the cookie for the whole site (Vapor's `.expired` carries no path).
    static let expired = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/",
                                           isHTTPOnly: true, sameSite: .lax)

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let cookie = request.cookies[cookieName] else { return try await next.respond(to: request) }
        let value = cookie.string
        let live = value.count <= 128 ? try await SessionStore.live(SessionID(string: value), for: request) : nil
        guard live == nil else { return try await next.respond(to: request) }
        var headers = request.headers
        var cookies = headers.cookie ?? HTTPCookies()
        cookies[cookieName] = nil
        headers.cookie = cookies
        request.headers = headers
        let response = try await next.respond(to: request)
        if response.cookies[cookieName] == nil { response.cookies[cookieName] = Self.expired }
        return response
    }
}
