import Fluent
import SQLKit

struct CreateMemberships: AsyncMigration {
    var name: String { "directory.004.create-memberships" }

    func prepare(on database: any Database) async throws {
        try await database.schema("membership_applications")
            .id()
            .field("network_id", .uuid, .required, .references("organizations", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("applicant_user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("state", .string, .required)
            .field("motivation", .string, .required)
            .field("accreditation_number", .string)
            .field("accreditation_date", .string)
            .field("domains", .string, .required)
            .field("references_text", .string, .required)
            .field("checklist", .json, .required)
            .field("checklist_note", .string)
            .field("decision_reason", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("network_memberships")
            .id()
            .field("network_id", .uuid, .required, .references("organizations", "id"))
            .field("member_id", .uuid, .required, .references("organizations", "id"))
            .field("state", .string, .required)
            .field("application_id", .uuid, .references("membership_applications", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "applications_state").on("membership_applications").column("state").run()
            try await sql.create(index: "applications_org").on("membership_applications").column("organization_id").run()
            try await sql.create(index: "memberships_network").on("network_memberships").column("network_id").run()
            try await sql.create(index: "memberships_member").on("network_memberships").column("member_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("network_memberships").delete()
        try await database.schema("membership_applications").delete()
    }
}
