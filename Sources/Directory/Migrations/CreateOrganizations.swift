import Foundation
import Fluent
import SQLKit

struct CreateOrganizations: AsyncMigration {
    var name: String { "directory.002.create-organizations" }

    func prepare(on database: any Database) async throws {
        try await database.schema("organizations")
            .id()
            .field("slug", .string, .required)
            .field("kind", .string, .required)
            .field("name", .json, .required)
            .field("description", .json, .required)
            .field("sort_name", .string, .required)
            .field("acronym", .string)
            .field("accreditation_number", .string)
            .field("accreditation_date", .string)
            .field("wilaya_code", .string, .references("wilayas", "code"))
            .field("commune", .string)
            .field("address", .string)
            .field("email", .string)
            .field("phone", .string)
            .field("website", .string)
            .field("founded_on", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema("organization_domains")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .field("domain_code", .string, .required, .references("domains", "code"))
            .unique(on: "organization_id", "domain_code")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // Search terms compare byte-wise ("C" collation on PostgreSQL), so a prefix is a range scan.
        let termType: any SQLExpression = sql.dialect.name == "postgresql"
            ? SQLRaw(#"TEXT COLLATE "C""#) : SQLRaw("TEXT")
        try await sql.create(table: "organization_terms")
            .column("term", type: .custom(termType), .notNull)
            .column("organization_id", type: .custom(SQLRaw(sql.dialect.name == "postgresql" ? "UUID" : "BLOB")), .notNull,
                    .references("organizations", "id", onDelete: .cascade))
            .run()
        try await sql.create(index: "organization_terms_term").on("organization_terms")
            .column("term").column("organization_id").run()
        try await sql.create(index: "organization_terms_org").on("organization_terms").column("organization_id").run()
        try await sql.create(index: "organizations_sort").on("organizations").column("sort_name").run()
        try await sql.create(index: "organizations_kind_sort").on("organizations").column("kind").column("sort_name").run()
        try await sql.create(index: "organizations_wilaya_sort").on("organizations")
            .column("wilaya_code").column("sort_name").run()
        try await sql.create(index: "organization_domains_domain").on("organization_domains")
            .column("domain_code").column("organization_id").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(table: "organization_terms").run() }
        try await database.schema("organization_domains").delete()
        try await database.schema("organizations").delete()
    }
}
