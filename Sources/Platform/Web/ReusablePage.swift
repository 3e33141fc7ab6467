import Foundation
import LeafKit
import Vapor

/// A rendered page kept for the next viewers who would see exactly the same page: its form tokens (the session's
/// CSRF token, and the one-use submission token of every form, ``SubmissionGuard``) are cut out when it is kept
/// and written anew for each request, so no token is ever served twice or to another session.
///
/// Tokens are found where `#formGuard` writes them: `name="_csrf" value="…"` and `name="_form_id" value="…"`.
/// Text from users cannot forge that pattern: templates escape its quotes.
public struct ReusablePage: Sendable {
    private enum Slot: Sendable { case csrf, submission }

    private let parts: [String]
    private let slots: [Slot]

    public init(_ html: String) {
        let patterns: [(String, Slot)] = [(#"name="_csrf" value=""#, .csrf),
                                          (#"name="\#(SubmissionGuard.formField)" value=""#, .submission)]
        var parts: [String] = []
        var slots: [Slot] = []
        var rest = html[...]
        while true {
            let found = patterns.compactMap { pattern, slot in rest.range(of: pattern).map { ($0, slot) } }
                .min { $0.0.lowerBound < $1.0.lowerBound }
            guard let (range, slot) = found, let end = rest[range.upperBound...].firstIndex(of: "\"") else { break }
            parts.append(String(rest[..<range.upperBound]))
            slots.append(slot)
            rest = rest[end...]
        }
        parts.append(String(rest))
        self.parts = parts
        self.slots = slots
    }

    /// The page with this request's tokens.
    public func filled(csrf: String) -> String {
        var html = ""
        html.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count } + slots.count * 48)
        for (index, part) in parts.enumerated() {
            html += part
            if index < slots.count {
                switch slots[index] {
                case .csrf: html += csrf.htmlEscaped()
                case .submission: html += CSRF.randomToken()
                }
            }
        }
        return html
    }

    /// The page as an HTML answer for this request.
    public func response(for request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: filled(csrf: PageMeta.csrf(for: request))))
    }
}
