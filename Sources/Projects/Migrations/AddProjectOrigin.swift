import Fluent

/// Where a project came from when another room made it: a citizens' proposal accepted in a participatory
/// process (`proposal`, its id and title), linked back from the project's page.
struct AddProjectOrigin: AsyncMigration {
    var name: String { "projects.008.add-project-origin" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema("projects").field("origin_kind", .string).update()
        try await database.schema("projects").field("origin_id", .uuid).update()
        try await database.schema("projects").field("origin_title", .string).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["origin_kind", "origin_id", "origin_title"] {
            try await database.schema("projects").deleteField(.string(field)).update()
        }
    }
}
