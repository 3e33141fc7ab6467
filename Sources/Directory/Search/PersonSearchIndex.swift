import Foundation
import ArabicText
import Fluent
import Platform
import SQLKit

/// The people's search index: one row per (normalised, stemmed term, person), looked up by prefix like the
/// organisations' (``OrganizationSearchIndex``), so the experts list is filtered and paged by the database.
public enum PersonSearchIndex {
    /// Every term a person can be found by: name, title, biography, and their domains' names in every language.
    static func terms(of person: Person, domainNames: [Translated]) -> Set<String> {
        var texts = [person.displayName, person.title ?? "", person.bio ?? ""]
        for name in domainNames { texts += SiteLanguage.allCases.compactMap { name.value(in: $0) } }
        return Set(texts.flatMap { ArabicText.indexTerms($0) })
    }

    /// Replaces a person's terms; call inside the transaction that saves the profile or its expertise.
    public static func reindex(_ person: Person, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let id = try person.requireID()
        let codes = try await PersonExpertise.query(on: db).filter(\.$personID == id).all().map(\.domainCode)
        let names = codes.isEmpty ? [] : try await Domain.query(on: db).filter(\.$id ~~ codes).all().map(\.name)
        try await sql.delete(from: "person_terms").where("person_id", .equal, SQLBind(id)).run()
        let terms = terms(of: person, domainNames: names).sorted()
        for chunk in terms.chunked(into: 200) where !chunk.isEmpty {
            try await sql.insert(into: "person_terms").columns("term", "person_id")
                .values(chunk.map { [SQLBind($0), SQLBind(id)] as [any SQLExpression] }).run()
        }
    }

    /// Forgets a person's terms (erasure).
    public static func remove(_ personID: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.delete(from: "person_terms").where("person_id", .equal, SQLBind(personID)).run()
    }
}
