import Foundation
import Platform
import VaporTesting

/// What a test browser remembers between pages: cookies, the CSRF token and the one-time form ids.
struct PageState: Sendable {
    var cookies: [String: String] = [:]
    var csrf: String?
    var formIDs: [String] = []

    /// The `Cookie` header to send, or nil.
    var cookieHeader: String? {
        cookies.isEmpty ? nil : cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    /// Takes the cookies a response sets (or clears) and the tokens of the page it carries.
    mutating func absorb(headers: HTTPHeaders, html: String) {
        for header in headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1).first ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let expired = header.lowercased().contains("max-age=0") || header.contains("1970")
            cookies[parts[0]] = expired || parts[1].isEmpty ? nil : parts[1]
        }
        if let token = Self.values(of: "_csrf", in: html).first { csrf = token }
        formIDs = Self.values(of: SubmissionGuard.formField, in: html)
    }

    /// The `value` of every hidden input named `field`, in page order.
    static func values(of field: String, in html: String) -> [String] {
        let pattern = #"name=""# + field + #"" value="([^"]+)""#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }
}
