import Fluent
import SQLKit

/// The names counter of ``CreateRevisions`` also moves when an organisation's name or address changes, or a
/// project's address: a process's organiser, the organisation a proposal was written for and the project it became
/// are shown on the room's kept pages.
struct AddRevisionsOfNamesElsewhere: AsyncMigration {
    var name: String { "participation.004.revisions-of-names-elsewhere" }

    static let sqliteTriggers = ["organizations_names_revised", "projects_names_revised"]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            for statement in [
                """
                CREATE CONSTRAINT TRIGGER organizations_names_revised AFTER UPDATE OF name, slug OR DELETE ON organizations
                  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION participation_names_revised()
                """,
                """
                CREATE CONSTRAINT TRIGGER projects_names_revised AFTER UPDATE OF slug OR DELETE ON projects
                  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION participation_names_revised()
                """,
            ] { try await sql.raw(SQLQueryString(statement)).run() }
        } else {
            for statement in [
                """
                CREATE TRIGGER organizations_names_revised AFTER UPDATE OF name, slug ON organizations
                BEGIN UPDATE author_name_revision SET revision = revision + 1; END
                """,
                """
                CREATE TRIGGER projects_names_revised AFTER UPDATE OF slug ON projects
                BEGIN UPDATE author_name_revision SET revision = revision + 1; END
                """,
            ] { try await sql.raw(SQLQueryString(statement)).run() }
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER IF EXISTS organizations_names_revised ON organizations").run()
            try await sql.raw("DROP TRIGGER IF EXISTS projects_names_revised ON projects").run()
        } else {
            for trigger in Self.sqliteTriggers { try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)").run() }
        }
    }
}
