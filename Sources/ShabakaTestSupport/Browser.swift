import Foundation
import NIOConcurrencyHelpers
import Platform
import VaporTesting

/// A tiny browser for tests: keeps cookies, reads the CSRF token from the last page, posts forms.
public final class Browser: Sendable {
    let app: Application
    private let state = NIOLockedValueBox<(cookies: [String: String], csrf: String?, formIDs: [String])>(([:], nil, []))

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
    public func post(_ path: String, form: [String: String], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf, let token = self.csrf { fields["_csrf"] = token }
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: Self.encode(fields)))
    }

    public func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws
        -> TestingHTTPResponse
    {
        var headers = headers
        let cookieHeader = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        if !cookieHeader.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookieHeader) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        absorb(response)
        return response
    }

    private func absorb(_ response: TestingHTTPResponse) {
        state.withLockedValue { state in
            for header in response.headers[.setCookie] {
                let pair = header.split(separator: ";", maxSplits: 1).first ?? ""
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                let expired = header.lowercased().contains("max-age=0") || header.contains("1970")
                state.cookies[parts[0]] = expired || parts[1].isEmpty ? nil : parts[1]
            }
            let html = response.body.string
            if let token = LiveBrowser.values(of: "_csrf", in: html).first { state.csrf = token }
            state.formIDs = LiveBrowser.values(of: SubmissionGuard.formField, in: html)
        }
    }

    public static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map { key, value in
            let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            return "\(key)=\(encoded)"
        }.joined(separator: "&")
    }
}

extension TestingHTTPResponse {
    /// The `Location` header of a redirect.
    public var location: String? { headers.first(name: .location) }
}
