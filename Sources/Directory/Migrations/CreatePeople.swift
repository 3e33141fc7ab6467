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
