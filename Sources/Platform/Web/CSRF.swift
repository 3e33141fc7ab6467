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
        // Four draws of 64 bits, not 32 of 8: a page with several forms writes one token per form.
        var generator = SystemRandomNumberGenerator()
        var bytes = Data(capacity: 32)
        for _ in 0..<4 { withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) } }
        return bytes.base64URLEncoded()
    }
}

extension Data {
    /// Base64 with the URL alphabet and no padding, in one pass over the bytes.
    func base64URLEncoded() -> String {
        String(decoding: base64EncodedData().compactMap { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "+"): UInt8(ascii: "-")
            case UInt8(ascii: "/"): UInt8(ascii: "_")
            case UInt8(ascii: "="): nil
            default: byte
            }
        }, as: UTF8.self)
    }
}
