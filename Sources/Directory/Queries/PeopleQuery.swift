import Fluent
import Platform
import SQLKit
import Vapor

/// The people list, for the page and the API alike.
public enum PeopleQuery {
    /// One page of people by name: public profiles, plus the private ones for staff who manage organisations;
    /// never erased ones. People matched only through a spelling slip (``QueryWord``) come after those every
    /// query word matches exactly.
    static func page(_ filter: PeopleFilter, viewer: CurrentUser?, page: PageQuery, on db: any Database) async throws
        -> (people: [Person], total: Int)
    {
        let words = OrganizationSearchIndex.queryWords(filter.query)
        if !filter.query.isEmpty, words.isEmpty { return ([], 0) }
        guard let sql = db as? any SQLDatabase else { return ([], 0) }
        let terms = try await TermConditions.read(words, table: "person_terms", on: sql)
        var conditions: [any SQLExpression] = [SQLQueryString("erased_at IS NULL")]
        if viewer?.may(.manageOrganizations) != true { conditions.append(SQLQueryString("public_profile = \(bind: true)")) }
        if !filter.kinds.isEmpty {
            conditions.append(SQLBinaryExpression(SQLColumn("profile_kind"), .in,
                                                  SQLBind.group(filter.kinds.map(\.rawValue).sorted())))
        }
        if let wilaya = filter.wilaya { conditions.append(SQLQueryString("wilaya_code = \(bind: wilaya)")) }
        if let domain = filter.domain {
            conditions.append(SQLQueryString("id IN (SELECT person_id FROM person_expertise WHERE domain_code = \(bind: domain))"))
        }
        conditions += terms.conditions(owner: "person_id")
        let (ids, total) = terms.approximate
            ? try await rankedPage(conditions, rank: terms.rank(owner: "person_id"), page: page, on: sql)
            : try await conditions.reduce(into: PagedIDs(Person.schema)) { $0.require($1) }
                .fetch(page, order: [("display_name", .ascending)], on: db)
        return (try await Person.inOrder(ids, on: db), total)
    }

    /// As ``PagedIDs/fetch(_:order:on:)`` by name, after `rank` (exact matches first).
    private static func rankedPage(
        _ conditions: [any SQLExpression], rank: any SQLExpression, page: PageQuery, on sql: any SQLDatabase
    ) async throws -> (ids: [UUID], total: Int) {
        let predicate = conditions.dropFirst().reduce(conditions[0]) { SQLBinaryExpression($0, .and, $1) }
        let total = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(Person.schema).where(predicate).first(decodingColumn: "total", as: Int.self) ?? 0
        guard total > page.offset else { return ([], total) }
        let ids = try await sql.select().column("id").from(Person.schema).where(predicate)
            .orderBy(rank).orderBy("display_name").orderBy("id").limit(page.size).offset(page.offset)
            .all().map { try $0.decode(column: "id", as: UUID.self) }
        return (ids, total)
    }
}
