import Vapor

/// The Platform room's pages.
public enum SiteURL: String, CaseIterable, SiteRoute {
    case home = ""
    case apiDocs = "api/docs"
    case signIn = "sign-in"
    case signUp = "sign-up"
    case signUpSent = "sign-up/sent"
    case confirmEmail = "sign-up/confirm"
    case signOut = "sign-out"
    case forgotPassword = "password/forgot"
    case resetPassword = "password/reset"
    case account = "account"
    case admin = "admin"
    case adminOutbox = "admin/outbox"
    case adminUsers = "admin/users"
    case notifications = "notifications"
    case attachments = "attachments"
    case files = "files"
    case contact = "contact"
    case legal = "legal-notice"
    case privacy = "privacy"
    case accessibility = "accessibility"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}

extension Application {
    private struct SiteLinksKey: StorageKey { typealias Value = SiteLinks }
    public var siteLinks: SiteLinks {
        get { storage[SiteLinksKey.self] ?? SiteLinks() }
        set { storage[SiteLinksKey.self] = newValue }
    }
}
