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

extension Data {
    func base64URLEncoded() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
