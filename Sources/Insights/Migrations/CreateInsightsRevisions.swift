import Fluent
import SQLKit

/// One revision counter per group of figures (``InsightsGroup``), moved by database triggers on every write to the
/// tables the group is counted from, whoever writes (a page, the API, a command, a seeder). The dashboard keeps its
/// aggregates in memory with the revisions they were counted at (``InsightsCache``): a request reads the counters
/// (one small query) and recounts a group only after a write to its tables, never per request.
///
/// On PostgreSQL the counters move at commit (deferred constraint triggers), so a reader that sees a new revision
/// also sees the rows that moved it; on SQLite (one writer at a time) they move in the writing statement.
struct CreateInsightsRevisions: AsyncMigration {
    var name: String { "insights.001.revisions" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await database.schema("insights_revisions")
            .field("figure_group", .string, .identifier(auto: false))
            .field("revision", .int64, .required)
            .create()
        for group in InsightsGroup.allCases {
            try await sql.insert(into: "insights_revisions").columns("figure_group", "revision")
                .values(SQLBind(group.rawValue), SQLBind(Int64(1))).run()
        }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                CREATE FUNCTION insights_revise() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE insights_revisions SET revision = revision + 1 WHERE figure_group = TG_ARGV[0];
                  RETURN NULL;
                END $$
                """).run()
            for (table, group) in Self.watched {
                try await sql.raw("""
                    CREATE CONSTRAINT TRIGGER \(unsafeRaw: "insights_" + table) AFTER INSERT OR UPDATE OR DELETE
                      ON \(unsafeRaw: table) DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                      EXECUTE FUNCTION insights_revise('\(unsafeRaw: group.rawValue)')
                    """).run()
            }
        } else {
            for (table, group) in Self.watched {
                for operation in Self.operations {
                    try await sql.raw("""
                        CREATE TRIGGER \(unsafeRaw: "insights_\(table)_\(operation.lowercased())") AFTER \(unsafeRaw: operation)
                          ON \(unsafeRaw: table) BEGIN
                          UPDATE insights_revisions SET revision = revision + 1 WHERE figure_group = '\(unsafeRaw: group.rawValue)';
                        END
                        """).run()
                }
            }
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            for (table, _) in Self.watched {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "insights_" + table) ON \(unsafeRaw: table)").run()
            }
            try await sql.raw("DROP FUNCTION IF EXISTS insights_revise()").run()
        } else {
            for (table, _) in Self.watched {
                for operation in Self.operations {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "insights_\(table)_\(operation.lowercased())")").run()
                }
            }
        }
        try await database.schema("insights_revisions").delete()
    }

    static let operations = ["INSERT", "UPDATE", "DELETE"]

    /// Each table the figures are counted from, with the group its writes make stale.
    static let watched: [(String, InsightsGroup)] = [
        ("organizations", .members), ("network_memberships", .members), ("organization_domains", .members),
        ("projects", .projects), ("project_reports", .projects),
        ("csr_pledges", .csr), ("csr_deliveries", .csr),
        ("proposals", .participation), ("surveys", .participation), ("survey_responses", .participation),
        ("budget_elections", .participation),
        ("capacity_events", .capacity), ("capacity_registrations", .capacity), ("capacity_attendance", .capacity),
    ]
}

enum InsightsMigrations {
    static let all: [any Migration] = [CreateInsightsRevisions()]
}
