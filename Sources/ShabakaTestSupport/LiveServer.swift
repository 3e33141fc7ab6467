import Foundation
import NIOConcurrencyHelpers
import Platform
import VaporTesting

/// Runs `body` with the app serving on a real port of 127.0.0.1 (a free one), so requests cross a socket as a
/// browser's do: bodies arrive in pieces, headers are parsed from the wire. In-process tests hand the body
/// over whole and hid a CSRF check that read the form before it had arrived.
public func withLiveShabaka(
    demo: Bool = false,
    clock: ManualClock = ManualClock(),
    adjust: @Sendable (inout ShabakaConfig) -> Void = { _ in },
    _ body: (Application, LiveBrowser) async throws -> Void
) async throws {
    try await withShabaka(demo: demo, clock: clock, adjust: adjust) { app in
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        // A browser test looks at each answer, redirects included.
        app.http.client.configuration.redirectConfiguration = .disallow
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        do {
            guard let port = app.http.server.shared.localAddress?.port else { throw FixtureError("no port bound") }
            try await body(app, LiveBrowser(app, base: "http://127.0.0.1:\(port)"))
        } catch {
            await app.server.shutdown()
            throw error
        }
        await app.server.shutdown()
    }
}

/// A browser over real HTTP: keeps cookies, reads the CSRF token and form ids of the last page, posts forms.
public final class LiveBrowser: Sendable {
    public struct Page: Sendable {
        public let status: HTTPResponseStatus
        public let headers: HTTPHeaders
        public let body: String
        public var location: String? { headers.first(name: .location) }
    }

    let app: Application
    public let base: String
    private let state = NIOLockedValueBox(PageState())

    public init(_ app: Application, base: String) {
        self.app = app
        self.base = base
    }

    public var csrf: String? { state.withLockedValue { $0.csrf } }
    /// The one-time form ids of the last page, in page order.
    public var formIDs: [String] { state.withLockedValue { $0.formIDs } }

    @discardableResult
    public func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> Page {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a urlencoded form with the page's CSRF token.
    @discardableResult
    public func post(_ path: String, form: [String: String], headers: HTTPHeaders = [:]) async throws -> Page {
        var fields = form
        if fields["_csrf"] == nil, let token = csrf { fields["_csrf"] = token }
        var headers = headers
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: Browser.encode(fields)))
    }

    public func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        if let cookie = state.withLockedValue({ $0.cookieHeader }) { headers.replaceOrAdd(name: .cookie, value: cookie) }
        let response = try await app.client.send(method, headers: headers, to: URI(string: base + path)) { request in
            request.body = body
        }
        let page = Page(status: response.status, headers: response.headers,
                        body: response.body.map { String(buffer: $0) } ?? "")
        state.withLockedValue { $0.absorb(headers: page.headers, html: page.body) }
        return page
    }
}
