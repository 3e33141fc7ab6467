import Fluent
import Vapor

/// What every page's layout needs: language and direction, title, CSRF token, the signed-in person,
/// the language switcher and the site's links. Each page context embeds it as `page`.
public struct PageMeta: Encodable, Sendable {
    public struct LanguageLink: Encodable, Sendable {
        let code: String
        let name: String
        let href: String
        let current: Bool
    }

    public struct Badge: Encodable, Sendable {
        let name: String
        let email: String
        let isStaff: Bool
    }

    public let lang: String
    public let dir: String
    public let title: String
    public let csrf: String
    public let user: Badge?
    public let languages: [LanguageLink]
    public let links: [String: String]
    public let currentPath: String
    /// Unread in-app notifications of the signed-in person.
    public let unread: Int

    /// `startsSession`: the page has a form an anonymous visitor posts (sign-in, sign-up…), so it needs a CSRF
    /// token even without a session. Other pages viewed anonymously start no session (no write per page view).
    public static func make(
        for request: Request, titleKey: String, startsSession: Bool = false, _ titleArguments: String...
    ) async throws -> PageMeta {
        let language = request.language
        let user = request.currentUser
        let pathAfterLanguage = request.url.path.split(separator: "/", omittingEmptySubsequences: true).dropFirst()
            .joined(separator: "/")
        let query = request.url.query.map { "?" + $0 } ?? ""
        var unread = 0
        if let user {
            unread = try await UserNotification.query(on: request.db).filter(\.$user.$id == user.id)
                .filter(\.$readAt == nil).count()
        }
        return PageMeta(
            lang: language.rawValue,
            dir: language.direction,
            title: request.application.catalog.text(titleKey, in: language, arguments: titleArguments),
            // A person signed in through a session has one; a bearer token on a page starts none (no write).
            csrf: request.hasSession || startsSession ? CSRF.token(for: request) : "",
            user: user.map {
                Badge(name: $0.displayName, email: $0.email, isStaff: AdminHomeController.mayOpen($0, request.application))
            },
            languages: SiteLanguage.allCases.map { other in
                LanguageLink(
                    code: other.rawValue,
                    name: request.application.catalog.text("language.name", in: other),
                    href: "/\(other.rawValue)/\(pathAfterLanguage)" + query,
                    current: other == language
                )
            },
            links: request.application.siteLinks.paths(in: language),
            currentPath: request.url.path,
            unread: unread
        )
    }
}
