import Fluent
import SQLKit
import Vapor

/// Who wrote what, resolved when shown: rows keep the author's account id, never a copy of the name, so an
/// erased person's name leaves every page at once and shows as "former member" in the page's language.
public struct AuthorNames: Sendable {
    let names: [UUID: String]
    let former: String

    /// Loads the names of these accounts in one query.
    public static func load(
        _ ids: some Sequence<UUID?>, on db: any Database, catalog: Catalog, language: SiteLanguage
    ) async throws -> AuthorNames {
        let wanted = Array(Set(ids.compactMap { $0 }))
        var names: [UUID: String] = [:]
        if !wanted.isEmpty {
            // Two columns by SQL: a thread of comments names dozens of people, and whole accounts decoded by Fluent
            // cost more than the rest of the query.
            if let sql = db as? any SQLDatabase {
                let rows = try await sql.select().column("id").column("display_name").from(User.schema)
                    .where("id", .in, SQLBind.group(wanted)).where("erased_at", .is, SQLLiteral.null).all()
                for row in rows { names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "display_name", as: String.self) }
            } else {
                for user in try await User.query(on: db).filter(\.$id ~~ wanted).filter(\.$erasedAt == nil).all() {
                    if let id = user.id { names[id] = user.displayName }
                }
            }
        }
        return AuthorNames(names: names, former: catalog.text("person.former_member", in: language))
    }

    /// The author's name: from the account when the row names one (erased: "former member"), otherwise the
    /// text stored with the row (entries older than author ids, and the demo's organisations).
    public func name(of id: UUID?, stored: String) -> String {
        guard let id else { return stored }
        return names[id] ?? former
    }
}

extension Request {
    public var reader: Reader { Reader(language: language, catalog: application.catalog) }

    /// ``AuthorNames`` in the request's language.
    public func authorNames(_ ids: some Sequence<UUID?>) async throws -> AuthorNames {
        try await reader.authorNames(ids, on: db)
    }
}
