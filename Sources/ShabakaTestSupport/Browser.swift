import Foundation
import NIOConcurrencyHelpers
import Platform
import VaporTesting

/// A tiny browser for tests: keeps cookies, reads the CSRF token from the last page, posts forms.
public final class Browser: Sendable {
    let app: Application
    private let state = NIOLockedValueBox(PageState())

    public init(_ app: Application) {
        self.app = app
    }

    public var csrf: String? { state.withLockedValue { $0.csrf } }
    public var cookies: [String: String] { state.withLockedValue { $0.cookies } }
    /// The one-time form ids of the last page, in page order.
    public var formIDs: [String] { state.withLockedValue { $0.formIDs } }

    @discardableResult
    public func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a urlencoded form; adds the page's CSRF token unless `csrf` is false.
    @discardableResult
    /// Posts a form; `extra` adds fields whose name repeats (ticked boxes of a group), after the others.
    public func post(_ path: String, form: [String: String], extra: [(String, String)] = [], csrf: Bool = true) async throws
        -> TestingHTTPResponse
    {
        var fields = form
        if csrf, let token = self.csrf { fields["_csrf"] = token }
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        let body = ([Self.encode(fields)] + extra.map { Self.encode([$0.0: $0.1]) }).joined(separator: "&")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    public func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws
        -> TestingHTTPResponse
    {
        var headers = headers
        if let cookie = state.withLockedValue({ $0.cookieHeader }) { headers.replaceOrAdd(name: .cookie, value: cookie) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        state.withLockedValue { $0.absorb(headers: response.headers, html: response.body.string) }
        return response
    }

    public static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map { key, value in
            // As browsers do: names too (`title[ar]` travels as `title%5Bar%5D`).
            let name = key.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            return "\(name)=\(encoded)"
        }.joined(separator: "&")
    }
}

extension TestingHTTPResponse {
    /// The `Location` header of a redirect.
    public var location: String? { headers.first(name: .location) }
}
