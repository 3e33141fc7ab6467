import Crypto
import Foundation
import Vapor

/// Synchroniser-token CSRF protection: one random token per session, sent back by every form
/// as `_csrf` (or the `X-CSRF-Token` header) and compared in constant time.
public enum CSRF {
    static let sessionKey = "csrf"
    public static let fieldName = "_csrf"

    /// The session's token, created on first use (which starts the session); empty when the request
    /// failed before sessions were available (such a page carries no form worth posting).
    public static func token(for request: Request) -> String {
        guard request.storage[SessionsReadyMarker.Key.self] == true else { return "" }
        if let existing = request.session.data[sessionKey] { return existing }
        let token = randomToken()
        request.session.data[sessionKey] = token
        return token
    }

    static func randomToken() -> String {
        Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64URLEncoded()
    }
}

/// Refuses unsafe web requests (POST, PUT, PATCH, DELETE outside `/api`) without the session's token.
public struct CSRFMiddleware: AsyncMiddleware {
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard !request.isAPI, [.POST, .PUT, .PATCH, .DELETE].contains(request.method) else {
            return try await next.respond(to: request)
        }
        let expected = request.hasSession ? request.session.data[CSRF.sessionKey] : nil
        let sent = request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: CSRF.fieldName))
        guard let expected, let sent, constantTimeEquals(expected, sent) else {
            throw PlatformError.csrfMismatch
        }
        return try await next.respond(to: request)
    }

    private func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Data {
    func base64URLEncoded() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Placed right after Vapor's `SessionsMiddleware`: marks requests on which `request.session` may be used
/// (Vapor stops the process if it is touched otherwise, e.g. while rendering an early error).
struct SessionsReadyMarker: AsyncMiddleware {
    struct Key: StorageKey { typealias Value = Bool }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.storage[Key.self] = true
        return try await next.respond(to: request)
    }
}
