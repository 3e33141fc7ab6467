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

/// The Platform room's pages.
public enum SiteURL: String, CaseIterable, SiteRoute {
    case home = ""
    case signIn = "sign-in"
    case signUp = "sign-up"
    case signUpSent = "sign-up/sent"
    case confirmEmail = "sign-up/confirm"
    case signOut = "sign-out"
    case forgotPassword = "password/forgot"
    case resetPassword = "password/reset"
    case account = "account"
    case adminOutbox = "admin/outbox"
    case adminUsers = "admin/users"
    case notifications = "notifications"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}

/// Every registered page address, by link name.
public struct SiteLinks: Sendable {
    public private(set) var relativePaths: [String: String] = [:]

    public init() {}

    public mutating func register(_ routes: [any SiteRoute]) {
        for route in routes {
            precondition(relativePaths[route.linkName] == nil, "link name \(route.linkName) registered twice")
            relativePaths[route.linkName] = route.relativePath
        }
    }

    public func paths(in language: SiteLanguage) -> [String: String] {
        relativePaths.mapValues { $0.isEmpty ? "/\(language.rawValue)/" : "/\(language.rawValue)/\($0)" }
    }
}

extension Application {
    private struct SiteLinksKey: StorageKey { typealias Value = SiteLinks }
    public var siteLinks: SiteLinks {
        get { storage[SiteLinksKey.self] ?? SiteLinks() }
        set { storage[SiteLinksKey.self] = newValue }
    }
}
