import Fluent
import SQLKit
import Vapor

/// Compare-and-set on a workflow row: inside the transaction of a step, claims the row only if it is still in the
/// state the step was checked against (a row lock on PostgreSQL, the write lock on SQLite), so two concurrent steps
/// cannot both apply.
public enum WorkflowGuard {
    public static func claim(_ table: String, id: UUID, state expected: String, column: String = "state",
                             on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let claimed = try await sql.update(table).set(SQLColumn(column), to: SQLColumn(column))
            .where("id", .equal, SQLBind(id)).where(SQLColumn(column), .equal, SQLBind(expected))
            .returning("id").first()
        guard claimed != nil else { throw WorkflowError.changedMeanwhile }
    }
}
