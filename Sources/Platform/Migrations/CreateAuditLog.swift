import Fluent
import SQLKit

struct CreateAuditLog: AsyncMigration {
    var name: String { "platform.004.create-audit-log" }

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries")
            .id()
            .field("seq", .int64, .required)
            .field("occurred_at_ms", .int64, .required)
            .field("actor_id", .uuid)
            .field("actor_label", .string, .required)
            .field("action", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .string, .required)
            .field("details", .string, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
        try await database.schema("audit_head")
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .create()
        try await AuditHead(id: 1, seq: 0, hash: AuditLog.genesisHash).create(on: database)
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "audit_entries_subject").on("audit_entries")
                .column("subject_type").column("subject_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_head").delete()
        try await database.schema("audit_entries").delete()
    }
}
