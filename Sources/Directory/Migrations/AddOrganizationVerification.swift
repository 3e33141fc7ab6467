import Fluent
import SQLKit

/// Organisations registered by people wait for verification (those already in the directory are verified), and
/// requests or invitations to represent an organisation.
struct AddOrganizationVerification: AsyncMigration {
    var name: String { "directory.007.add-organization-verification" }

    func prepare(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.alter(table: "organizations")
                .column("verification", type: .text, .notNull, .default("verified")).run()
        }
        try await database.schema("organizations").field("registered_by_user_id", .uuid).update()
        try await database.schema("organizations").field("verification_note", .string).update()
        try await database.schema(RepresentationRequest.schema)
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("user_id", .uuid)
            .field("invited_email", .string)
            .field("invited_by_user_id", .uuid)
            .field("token_hash", .string)
            .field("expires_at", .datetime)
            .field("role", .string, .required)
            .field("message", .string, .required)
            .field("state", .string, .required)
            .field("decided_by_user_id", .uuid)
            .field("decision_reason", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "organizations_verification").on("organizations").column("verification").run()
            try await sql.create(index: "representation_requests_org").on(RepresentationRequest.schema)
                .column("organization_id").run()
            try await sql.create(index: "representation_requests_user").on(RepresentationRequest.schema)
                .column("user_id").run()
            try await sql.create(index: "representation_requests_token").on(RepresentationRequest.schema)
                .column("token_hash").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RepresentationRequest.schema).delete()
        for column in ["verification_note", "registered_by_user_id", "verification"] {
            try await database.schema("organizations").deleteField(.string(column)).update()
        }
    }
}
