import Fluent
import SQLKit
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
        let unread = try await unreadCount(for: request)
        return PageMeta(
            lang: language.rawValue,
            dir: language.direction,
            title: request.application.catalog.text(titleKey, in: language, arguments: titleArguments),
            // A person signed in through a session has one; a bearer token on a page starts none (no write).
            csrf: startsSession ? CSRF.token(for: request) : csrf(for: request),
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

extension PageMeta {
    /// The CSRF token a page of this request carries: the session's, or none for a request without a session (a
    /// bearer token), so that showing a page never starts one.
    public static func csrf(for request: Request) -> String {
        request.hasSession ? CSRF.token(for: request) : ""
    }

    /// The signed-in person's unread notifications (0 for anyone else), as the menu shows them.
    public static func unreadCount(for request: Request) async throws -> Int {
        guard let user = request.currentUser else { return 0 }
        // By SQL: every page of a signed-in person asks.
        if let sql = request.db as? any SQLDatabase {
            return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(UserNotification.schema).where("user_id", .equal, SQLBind(user.id))
                .where("read_at", .is, SQLLiteral.null).first(decodingColumn: "n", as: Int.self) ?? 0
        }
        return try await UserNotification.query(on: request.db).filter(\.$user.$id == user.id).filter(\.$readAt == nil).count()
    }
}
