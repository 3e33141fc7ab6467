import Fluent

/// Projects that exclude each other: the projects of one budget with the same `exclusive_group` label are
/// alternatives, of which the count funds at most one.
struct AddExclusiveProjects: AsyncMigration {
    var name: String { "participation.008.election-project-exclusive-groups" }

    func prepare(on database: any Database) async throws {
        try await database.schema("election_projects").field("exclusive_group", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("election_projects").deleteField("exclusive_group").update()
    }
}
