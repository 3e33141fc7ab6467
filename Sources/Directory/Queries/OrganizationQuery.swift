import Fluent
import Platform
import SQLKit
import Vapor

public enum OrganizationQuery {
    /// One page of organisations matching the filter, and how many match in all: the in-memory index
    /// (``DirectoryIndexStore``) finds the page's ids, one primary-key read fetches their rows. Organisations
    /// matched only through a spelling slip (``QueryWord``) come after those matched exactly.
    static func page(
        _ filter: OrganizationFilter, page: PageQuery, index store: DirectoryIndexStore, on db: any Database,
        now: Date = Date()
    ) async throws -> (rows: [OrganizationRow], total: Int) {
        guard db is any SQLDatabase else { return ([], 0) }
        let words = OrganizationSearchIndex.queryWords(filter.query)
        if !filter.query.trimmingCharacters(in: .whitespaces).isEmpty, words.isEmpty { return ([], 0) }
        guard let index = try await store.current(on: db, now: now) else {
            return try await databasePage(filter, page: page, on: db)
        }
        let (ids, total) = index.page(filter, words: words, offset: page.offset, size: page.size)
        guard !ids.isEmpty else { return ([], total) }
        return (try await store.rows(ids, on: db), total)
    }

    /// The same page computed by the database alone: the reference the index is checked against.
    static func databasePage(
        _ filter: OrganizationFilter, page: PageQuery, on db: any Database
    ) async throws -> (rows: [OrganizationRow], total: Int) {
        guard let sql = db as? any SQLDatabase else { return ([], 0) }
        let words = OrganizationSearchIndex.queryWords(filter.query)
        if !filter.query.trimmingCharacters(in: .whitespaces).isEmpty, words.isEmpty { return ([], 0) }
        let terms = try await TermConditions.read(words, table: "organization_terms", on: sql)

        var conditions: [any SQLExpression] = [
            SQLBinaryExpression(SQLColumn("verification"), .equal, SQLBind(OrganizationVerification.verified.rawValue)),
        ]
        if let kind = filter.kind {
            conditions.append(SQLBinaryExpression(SQLColumn("kind"), .equal, SQLBind(kind.rawValue)))
        }
        if let wilaya = filter.wilaya {
            conditions.append(SQLBinaryExpression(SQLColumn("wilaya_code"), .equal, SQLBind(wilaya)))
        }
        if let domain = filter.domain {
            conditions.append(SQLQueryString(
                "id IN (SELECT organization_id FROM organization_domains WHERE domain_code = \(bind: domain))"))
        }
        conditions += terms.conditions(owner: "organization_id")
        let predicate: (any SQLExpression)? = conditions.isEmpty ? nil
            : conditions.dropFirst().reduce(conditions[0]) { SQLBinaryExpression($0, .and, $1) }

        var count = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total").from("organizations")
        if let predicate { count = count.where(predicate) }
        let total = try await count.first(decodingColumn: "total", as: Int.self) ?? 0
        guard total > page.offset else { return ([], total) }

        var select = sql.select().columns("id", "slug", "kind", "name", "description", "wilaya_code")
            .from("organizations")
        if terms.approximate { select = select.orderBy(terms.rank(owner: "organization_id")) }
        select = select.orderBy("sort_name").orderBy("slug").limit(page.size).offset(page.offset)
        if let predicate { select = select.where(predicate) }
        let rows = try await select.all(decoding: OrganizationRow.self)
        return (rows, total)
    }
}
