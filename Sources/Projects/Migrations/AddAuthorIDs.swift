import Fluent
import SQLKit

/// The account ids of the people behind each step, so that names are shown from the accounts (and leave
/// with an erasure) instead of being copied into the rows. Rows written before keep their text.
struct AddAuthorIDs: AsyncMigration {
    var name: String { "projects.004.add-author-ids" }

    static let columns = [
        ("difficulties", "reported_by_user_id"), ("difficulties", "diagnosed_by_user_id"),
        ("difficulties", "decided_by_user_id"), ("expertise_requests", "requested_by_user_id"),
        ("csr_deliveries", "recorded_by_user_id"),
    ]

    func prepare(on database: any Database) async throws {
        for (table, column) in Self.columns {
            try await database.schema(table).field(.string(column), .uuid).update()
        }
        // Entries that already name their author's account show the name from it from now on.
        guard let sql = database as? any SQLDatabase else { return }
        for (table, id, name) in [("project_reports", "author_id", "author_name"),
                                  ("project_evaluations", "evaluator_id", "evaluator_name"),
                                  ("difficulty_solutions", "proposer_id", "proposer_name")] {
            try await sql.update(table).set(name, to: "").where(SQLColumn(id), .isNot, SQLLiteral.null).run()
        }
    }

    func revert(on database: any Database) async throws {
        for (table, column) in Self.columns.reversed() {
            try await database.schema(table).deleteField(.string(column)).update()
        }
    }
}
