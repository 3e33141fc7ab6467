import Fluent
import SQLKit

struct CreatePeople: AsyncMigration {
    var name: String { "directory.003.create-people" }

    func prepare(on database: any Database) async throws {
        try await database.schema("people")
            .id()
            .field("user_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("display_name", .string, .required)
            .field("profile_kind", .string, .required)
            .field("title", .string)
            .field("bio", .string)
            .field("wilaya_code", .string, .references("wilayas", "code"))
            .field("languages", .string, .required)
            .field("availability", .string, .required)
            .field("contact_email", .string)
            .field("public_profile", .bool, .required)
            .field("consented_at", .datetime)
            .field("erased_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
        try await database.schema("person_expertise")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("domain_code", .string, .required, .references("domains", "code"))
            .unique(on: "person_id", "domain_code")
            .create()
        try await database.schema("organization_representatives")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organization_id", "person_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["organization_representatives", "person_expertise", "people"] {
            try await database.schema(table).delete()
        }
    }
}

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

/// The Directory room's migrations, in order. Append only.
enum DirectoryMigrations {
    static func all(wilayasCSV: String) -> [any Migration] {
        [CreateReferenceData(wilayasCSV: wilayasCSV), CreateOrganizations(), CreatePeople(), CreateMemberships(),
         CreateOrganizationChanges(), CreatePersonTerms()]
    }
}
