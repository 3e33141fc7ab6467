import Fluent
import Platform
import SQLKit
import Vapor

/// The people list, for the page and the API alike.
public enum PeopleQuery {
    /// One page of people by name: public profiles, plus the private ones for staff who manage organisations;
    /// never erased ones.
    static func page(_ filter: PeopleFilter, viewer: CurrentUser?, page: PageQuery, on db: any Database) async throws
        -> (people: [Person], total: Int)
    {
        let terms = OrganizationSearchIndex.queryTerms(filter.query)
        if !filter.query.isEmpty, terms.isEmpty { return ([], 0) }
        var list = PagedIDs(Person.schema)
        list.require(SQLQueryString("erased_at IS NULL"))
        if viewer?.may(.manageOrganizations) != true { list.require(SQLQueryString("public_profile = \(bind: true)")) }
        if !filter.kinds.isEmpty {
            list.require(SQLBinaryExpression(SQLColumn("profile_kind"), .in, SQLBind.group(filter.kinds.map(\.rawValue).sorted())))
        }
        if let wilaya = filter.wilaya { list.require(SQLQueryString("wilaya_code = \(bind: wilaya)")) }
        if let domain = filter.domain {
            list.require(SQLQueryString("id IN (SELECT person_id FROM person_expertise WHERE domain_code = \(bind: domain))"))
        }
        for term in terms {
            let match: SQLQueryString = OrganizationSearchIndex.matchesAsPrefix(term)
                ? "term >= \(bind: term) AND term < \(bind: OrganizationSearchIndex.upperBound(term))"
                : "term = \(bind: term)"
            list.require(SQLQueryString("id IN (SELECT person_id FROM person_terms WHERE \(match))"))
        }
        let (ids, total) = try await list.fetch(page, order: [("display_name", .ascending)], on: db)
        return (try await Person.inOrder(ids, on: db), total)
    }
}
