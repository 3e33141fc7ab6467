import Fluent
import SQLKit

struct CreateOrganizations: AsyncMigration {
    var name: String { "directory.001.create-organizations" }

    func prepare(on database: any Database) async throws {
        try await database.schema("organizations")
            .id()
            .field("slug", .string, .required)
            .field("kind", .string, .required)
            .field("name", .json, .required)
            .field("description", .json, .required)
            .field("wilaya_code", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "organizations_kind").on("organizations").column("kind").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organizations").delete()
    }
}

/// The Directory room's migrations, in order. Append only.
public enum DirectoryMigrations {
    public static let all: [any Migration] = [CreateOrganizations()]
}
