import Vapor

/// A page with a fixed address under a language prefix. Rooms declare theirs in their own enum,
/// register it once, and templates reach it as `page.links.<linkName>`, so links and routes cannot drift.
public protocol SiteRoute: Sendable {
    /// The name templates use: `page.links.<linkName>`.
    var linkName: String { get }
    /// The path after the language prefix, without a leading slash ("" for the home page).
    var relativePath: String { get }
}

extension SiteRoute {
    public func path(in language: SiteLanguage) -> String {
        relativePath.isEmpty ? "/\(language.rawValue)/" : "/\(language.rawValue)/\(relativePath)"
    }

    /// Route components: `:lang` then the fixed parts.
    public var pathComponents: [PathComponent] {
        [.parameter("lang")] + relativePath.split(separator: "/").map { .constant(String($0)) }
    }
}
