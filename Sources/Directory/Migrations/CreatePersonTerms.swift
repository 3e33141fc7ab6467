import Foundation
import Fluent
import SQLKit

/// The people's search terms, filled for the profiles that exist.
struct CreatePersonTerms: AsyncMigration {
    var name: String { "directory.006.create-person-terms" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(table: "person_terms")
            .column("term", type: .custom(sql.dialect.name == "postgresql" ? SQLRaw(#"TEXT COLLATE "C""#) : SQLRaw("TEXT")),
                    .notNull)
            .column("person_id", type: .custom(SQLRaw(sql.dialect.name == "postgresql" ? "UUID" : "BLOB")), .notNull,
                    .references("people", "id", onDelete: .cascade))
            .run()
        try await sql.create(index: "person_terms_term").on("person_terms").column("term").column("person_id").run()
        try await sql.create(index: "person_terms_person").on("person_terms").column("person_id").run()
        // Only the columns the index reads: the model has columns later migrations add (`sex`).
        let people = try await Person.query(on: database).filter(\.$erasedAt == nil)
            .field(\.$id).field(\.$displayName).field(\.$title).field(\.$bio).all()
        for person in people {
            try await PersonSearchIndex.reindex(person, on: database)
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(table: "person_terms").run()
    }
}
