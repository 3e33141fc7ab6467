import Fluent
import SQLKit

/// Revision counters the room's in-memory caches check before answering (``ParticipationRevisions``), kept by
/// database triggers so that no write can forget them, whoever makes it (a page, the API, a command, a seeder):
///
/// - per process: any change to the process, its phases or its proposals (each proposal row is stamped with the
///   process revision of its last change, `proposals.index_revision`, so the list index reloads only those rows);
/// - per subject of comments (proposal, debate, project): any change to its comments;
/// - one counter for the names of people (a changed display name, an erased or deleted account, a role given or
///   taken away: histories name the role).
///
/// On PostgreSQL the counters move at commit (deferred constraint triggers): a counter's row is then locked last
/// and briefly, so two transactions never wait for each other in opposite orders, and revisions follow the order
/// of commits (a reader that sees revision n sees every change numbered up to n).
struct CreateRevisions: AsyncMigration {
    var name: String { "participation.003.revisions" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await database.schema("participation_revisions")
            .field("id", .uuid, .identifier(auto: false))
            .field("revision", .int64, .required)
            .create()
        try await database.schema("author_name_revision")
            .field("id", .int, .identifier(auto: false))
            .field("revision", .int64, .required)
            .create()
        try await sql.raw("INSERT INTO author_name_revision (id, revision) VALUES (1, 0)").run()
        try await sql.alter(table: "proposals").column("index_revision", type: .bigint, .notNull, .default(0)).run()
        try await sql.create(index: "proposals_revision").on("proposals").column("process_id").column("index_revision").run()
        if sql.dialect.name == "postgresql" {
            for statement in Self.postgres { try await sql.raw(SQLQueryString(statement)).run() }
        } else {
            for statement in Self.sqlite { try await sql.raw(SQLQueryString(statement)).run() }
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            for (trigger, table) in Self.postgresTriggers { try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger) ON \(unsafeRaw: table)").run() }
            for function in ["participation_proposal_revised()", "participation_row_revised()", "participation_names_revised()",
                             "participation_revise(uuid)"] {
                try await sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: function)").run()
            }
        } else {
            for trigger in Self.sqliteTriggers { try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)").run() }
        }
        try await sql.drop(index: "proposals_revision").run()
        try await database.schema("proposals").deleteField("index_revision").update()
        try await database.schema("author_name_revision").delete()
        try await database.schema("participation_revisions").delete()
    }

    // MARK: SQLite (one writer at a time: counters move in the writing statement)

    private static func sqliteRevise(_ key: String) -> String {
        """
        INSERT INTO participation_revisions (id, revision) VALUES (\(key), 1)
          ON CONFLICT (id) DO UPDATE SET revision = revision + 1;
        """
    }

    private static let stampProposal = """
        UPDATE proposals SET index_revision = (SELECT revision FROM participation_revisions WHERE id = NEW.process_id)
          WHERE id = NEW.id;
        """

    static let sqliteTriggers = [
        "proposals_revised_insert", "proposals_revised_update", "proposals_revised_delete", "processes_revised_update",
        "processes_revised_delete", "phases_revised_insert", "phases_revised_update", "phases_revised_delete",
        "comments_revised_insert", "comments_revised_update", "comments_revised_delete", "names_revised_update",
        "names_revised_delete", "roles_revised_insert", "roles_revised_update", "roles_revised_delete",
    ]

    static let sqlite: [String] = [
        "CREATE TRIGGER proposals_revised_insert AFTER INSERT ON proposals BEGIN \(sqliteRevise("NEW.process_id")) \(stampProposal) END",
        """
        CREATE TRIGGER proposals_revised_update AFTER UPDATE ON proposals WHEN NEW.index_revision = OLD.index_revision
        BEGIN \(sqliteRevise("NEW.process_id")) \(stampProposal) END
        """,
        "CREATE TRIGGER proposals_revised_delete AFTER DELETE ON proposals BEGIN \(sqliteRevise("OLD.process_id")) END",
        "CREATE TRIGGER processes_revised_update AFTER UPDATE ON participatory_processes BEGIN \(sqliteRevise("NEW.id")) END",
        "CREATE TRIGGER processes_revised_delete AFTER DELETE ON participatory_processes BEGIN \(sqliteRevise("OLD.id")) END",
        "CREATE TRIGGER phases_revised_insert AFTER INSERT ON process_phases BEGIN \(sqliteRevise("NEW.process_id")) END",
        "CREATE TRIGGER phases_revised_update AFTER UPDATE ON process_phases BEGIN \(sqliteRevise("NEW.process_id")) END",
        "CREATE TRIGGER phases_revised_delete AFTER DELETE ON process_phases BEGIN \(sqliteRevise("OLD.process_id")) END",
        "CREATE TRIGGER comments_revised_insert AFTER INSERT ON comments BEGIN \(sqliteRevise("NEW.subject_id")) END",
        "CREATE TRIGGER comments_revised_update AFTER UPDATE ON comments BEGIN \(sqliteRevise("NEW.subject_id")) END",
        "CREATE TRIGGER comments_revised_delete AFTER DELETE ON comments BEGIN \(sqliteRevise("OLD.subject_id")) END",
        """
        CREATE TRIGGER names_revised_update AFTER UPDATE OF display_name, erased_at ON users
        BEGIN UPDATE author_name_revision SET revision = revision + 1; END
        """,
        "CREATE TRIGGER names_revised_delete AFTER DELETE ON users BEGIN UPDATE author_name_revision SET revision = revision + 1; END",
        "CREATE TRIGGER roles_revised_insert AFTER INSERT ON user_roles BEGIN UPDATE author_name_revision SET revision = revision + 1; END",
        "CREATE TRIGGER roles_revised_update AFTER UPDATE ON user_roles BEGIN UPDATE author_name_revision SET revision = revision + 1; END",
        "CREATE TRIGGER roles_revised_delete AFTER DELETE ON user_roles BEGIN UPDATE author_name_revision SET revision = revision + 1; END",
    ]

    // MARK: PostgreSQL (counters move at commit)

    static let postgresTriggers = [
        ("proposals_revised_insert", "proposals"), ("proposals_revised_update", "proposals"),
        ("proposals_revised_delete", "proposals"), ("processes_revised", "participatory_processes"),
        ("phases_revised", "process_phases"), ("comments_revised", "comments"), ("names_revised", "users"),
        ("roles_revised", "user_roles"),
    ]

    static let postgres: [String] = [
        """
        CREATE FUNCTION participation_revise(key uuid) RETURNS bigint LANGUAGE sql AS $$
          INSERT INTO participation_revisions (id, revision) VALUES (key, 1)
          ON CONFLICT (id) DO UPDATE SET revision = participation_revisions.revision + 1 RETURNING revision
        $$
        """,
        """
        CREATE FUNCTION participation_proposal_revised() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            PERFORM participation_revise(OLD.process_id);
          ELSE
            UPDATE proposals SET index_revision = participation_revise(NEW.process_id) WHERE id = NEW.id;
          END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION participation_row_revised() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            PERFORM participation_revise((to_jsonb(OLD) ->> TG_ARGV[0])::uuid);
          ELSE
            PERFORM participation_revise((to_jsonb(NEW) ->> TG_ARGV[0])::uuid);
          END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION participation_names_revised() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE author_name_revision SET revision = revision + 1;
          RETURN NULL;
        END $$
        """,
        """
        CREATE CONSTRAINT TRIGGER proposals_revised_insert AFTER INSERT ON proposals DEFERRABLE INITIALLY DEFERRED
          FOR EACH ROW EXECUTE FUNCTION participation_proposal_revised()
        """,
        """
        CREATE CONSTRAINT TRIGGER proposals_revised_update AFTER UPDATE ON proposals DEFERRABLE INITIALLY DEFERRED
          FOR EACH ROW WHEN (OLD.index_revision = NEW.index_revision) EXECUTE FUNCTION participation_proposal_revised()
        """,
        """
        CREATE CONSTRAINT TRIGGER proposals_revised_delete AFTER DELETE ON proposals DEFERRABLE INITIALLY DEFERRED
          FOR EACH ROW EXECUTE FUNCTION participation_proposal_revised()
        """,
        """
        CREATE CONSTRAINT TRIGGER processes_revised AFTER UPDATE OR DELETE ON participatory_processes
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION participation_row_revised('id')
        """,
        """
        CREATE CONSTRAINT TRIGGER phases_revised AFTER INSERT OR UPDATE OR DELETE ON process_phases
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION participation_row_revised('process_id')
        """,
        """
        CREATE CONSTRAINT TRIGGER comments_revised AFTER INSERT OR UPDATE OR DELETE ON comments
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION participation_row_revised('subject_id')
        """,
        """
        CREATE CONSTRAINT TRIGGER names_revised AFTER UPDATE OF display_name, erased_at OR DELETE ON users
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION participation_names_revised()
        """,
        """
        CREATE CONSTRAINT TRIGGER roles_revised AFTER INSERT OR UPDATE OR DELETE ON user_roles
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION participation_names_revised()
        """,
    ]
}
