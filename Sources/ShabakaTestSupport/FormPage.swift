import Foundation

/// A page's forms as a person or a screen reader meets them after a refusal, read from its HTML: the error summary
/// (`.error-summary`), its links, and the fields marked invalid.
public struct FormPage: Sendable {
    public let html: String

    public init(_ html: String) {
        self.html = html
    }

    /// Each error summary on the page (a refused form has one; the page's other forms none), its inner HTML.
    public var summaries: [String] {
        matches(#"<div class="error-summary"[^>]*>(.*?)</div>"#)
    }

    /// The fields the summaries link to (`href="#id"`), in order.
    public var summaryLinks: [String] {
        summaries.flatMap { summary in Self.captures(##"href="#([^"]+)""##, in: summary) }
    }

    /// Links of the summary whose field is not on the page.
    public var brokenSummaryLinks: [String] {
        summaryLinks.filter { !hasID($0) }
    }

    /// The ids of the inputs, selects and text areas marked `aria-invalid`.
    public var invalidFields: [String] {
        matches(#"<(?:input|select|textarea)\b([^>]*aria-invalid="true"[^>]*)>"#).compactMap { attributes in
            Self.captures(#"\bid="([^"]+)""#, in: attributes).first
        }
    }

    public func hasID(_ id: String) -> Bool {
        html.contains(#"id="\#(id)""#)
    }

    private func matches(_ pattern: String) -> [String] {
        Self.captures(pattern, in: html)
    }

    private static func captures(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
