import Fluent
import SQLKit

struct CreateExpertiseAndCSR: AsyncMigration {
    var name: String { "projects.003.create-expertise-and-csr" }

    func prepare(on database: any Database) async throws {
        try await database.schema("expertise_requests")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("project_id", .uuid, .references("projects", "id", onDelete: .setNull))
            .field("domain_code", .string, .required, .references("domains", "code"))
            .field("wilaya_code", .string, .references("wilayas", "code"))
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("description", .string, .required)
            .field("state", .string, .required)
            .field("expert_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("feedback", .string)
            .field("rating", .int)
            .field("requested_by", .string, .required)
            .field("requested_at", .datetime, .required)
            .create()
        try await database.schema("csr_pledges")
            .id()
            .field("company_id", .uuid, .required, .references("organizations", "id"))
            .field("project_id", .uuid, .references("projects", "id", onDelete: .setNull))
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("value_minor", .int64, .required)
            .field("delivered_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("state", .string, .required)
            .field("pledged_on", .string, .required)
            .create()
        try await database.schema("csr_deliveries")
            .id()
            .field("pledge_id", .uuid, .required, .references("csr_pledges", "id", onDelete: .cascade))
            .field("delivered_on", .string, .required)
            .field("value_minor", .int64, .required)
            .field("note", .string, .required)
            .field("recorded_by", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "expertise_requests_state").on("expertise_requests").column("state").run()
        try await sql.create(index: "csr_pledges_company").on("csr_pledges").column("company_id").run()
        try await sql.create(index: "csr_pledges_project").on("csr_pledges").column("project_id").run()
        try await sql.create(index: "csr_deliveries_pledge").on("csr_deliveries").column("pledge_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["csr_deliveries", "csr_pledges", "expertise_requests"] { try await database.schema(table).delete() }
    }
}
