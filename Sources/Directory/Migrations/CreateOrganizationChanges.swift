import Foundation
import Fluent
import SQLKit

/// The feed of organisation changes the in-memory directory index follows (``DirectoryIndexStore``):
/// one row per write, numbered in commit order on SQLite.
struct CreateOrganizationChanges: AsyncMigration {
    var name: String { "directory.005.create-organization-changes" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(table: "organization_changes")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: true))
            .column("organization_id", type: .custom(SQLRaw(sql.dialect.name == "postgresql" ? "UUID" : "BLOB")), .notNull)
            .run()
        // Organisations that existed before the feed: one change each, so nothing is missed.
        try await sql.raw("INSERT INTO organization_changes (organization_id) SELECT id FROM organizations").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(table: "organization_changes").run() }
    }
}
