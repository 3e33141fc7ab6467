import Crypto
import Foundation
import Vapor

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
