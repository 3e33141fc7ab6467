import Fluent
import SQLKit

struct CreateCommitments: AsyncMigration {
    var name: String { "agreements.003.create-commitments" }

    func prepare(on database: any Database) async throws {
        try await database.schema("commitments")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("owner_id", .uuid, .required, .references("organizations", "id"))
            .field("description", .json, .required)
            .field("due_on", .string, .required)
            .field("strategy_objective_id", .uuid, .references("strategy_objectives", "id"))
            .field("state", .string, .required)
            .field("progress", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("follow_ups")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("commitment_id", .uuid, .references("commitments", "id", onDelete: .cascade))
            .field("occurred_on", .string, .required)
            .field("author_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("author_name", .string, .required)
            .field("text", .string, .required)
            .field("evidence_url", .string)
            .field("progress", .int)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "commitments_agreement").on("commitments").column("agreement_id").run()
            try await sql.create(index: "follow_ups_agreement").on("follow_ups").column("agreement_id").run()
            try await sql.create(index: "measurements_indicator").on("indicator_measurements")
                .column("indicator_id").column("year").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("follow_ups").delete()
        try await database.schema("commitments").delete()
    }
}
