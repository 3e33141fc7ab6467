import Fluent
import SQLKit

struct CreateAgreements: AsyncMigration {
    var name: String { "agreements.001.create-agreements" }

    func prepare(on database: any Database) async throws {
        try await database.schema("agreements")
            .id()
            .field("slug", .string, .required)
            .field("kind", .string, .required)
            .field("title", .json, .required)
            .field("summary", .json, .required)
            .field("signed_on", .string)
            .field("signing_place", .json)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("state", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema("agreement_parties")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("position", .int, .required)
            .unique(on: "agreement_id", "organization_id")
            .create()
        try await database.schema("agreement_signatories")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("role_title", .json, .required)
            .create()
        try await database.schema("agreement_objectives")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("text", .json, .required)
            .create()
        try await database.schema("agreement_documents")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("title", .json, .required)
            .field("url", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["agreement_documents", "agreement_objectives", "agreement_signatories", "agreement_parties", "agreements"] {
            try await database.schema(table).delete()
        }
    }
}
