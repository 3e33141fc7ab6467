import Fluent
import SQLKit

/// Polls (in a process, a debate or an assembly of member associations), their options and votes; assemblies, the
/// member organisations with their weights, and the delegations between them.
struct CreatePolls: AsyncMigration {
    var name: String { "participation.006.create-polls" }

    func prepare(on database: any Database) async throws {
        try await database.schema("assemblies")
            .id()
            .field("network_id", .uuid, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("language", .string, .required)
            .field("weight_rule", .string, .required)
            .field("opens_at", .datetime, .required)
            .field("closes_at", .datetime, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("assembly_members")
            .id()
            .field("assembly_id", .uuid, .required, .references("assemblies", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required)
            .field("weight", .int, .required)
            .unique(on: "assembly_id", "organization_id")
            .create()
        // One delegation per member and assembly; revoking deletes it (the audit log keeps both steps).
        try await database.schema("assembly_delegations")
            .id()
            .field("assembly_id", .uuid, .required, .references("assemblies", "id", onDelete: .cascade))
            .field("from_organization_id", .uuid, .required)
            .field("to_organization_id", .uuid, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "assembly_id", "from_organization_id")
            .create()
        try await database.schema("polls")
            .id()
            .field("process_id", .uuid, .references("participatory_processes", "id", onDelete: .cascade))
            .field("debate_id", .uuid, .references("debates", "id", onDelete: .cascade))
            .field("assembly_id", .uuid, .references("assemblies", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("language", .string, .required)
            .field("method", .string, .required)
            .field("allow_abstain", .bool, .required)
            .field("results_visibility", .string, .required)
            .field("opens_at", .datetime, .required)
            .field("closes_at", .datetime, .required)
            .field("outcome", .string)
            .field("outcome_at", .datetime)
            .field("outcome_by", .uuid)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("poll_options")
            .id()
            .field("poll_id", .uuid, .required, .references("polls", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("label", .string, .required)
            .unique(on: "poll_id", "position")
            .create()
        // A participant's vote names no one (`voter_link` is a keyed hash of the poll and the person); an assembly's
        // vote is the organisation's, public, and names the representative who cast it.
        try await database.schema("poll_votes")
            .id()
            .field("poll_id", .uuid, .required, .references("polls", "id", onDelete: .cascade))
            .field("voter_link", .string, .required)
            .field("organization_id", .uuid)
            .field("cast_by", .uuid)
            .field("choices", .string, .required)
            .field("abstain", .bool, .required)
            .field("version", .int, .required)
            .field("cast_at", .datetime, .required)
            .unique(on: "poll_id", "voter_link")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "polls_process").on("polls").column("process_id").run()
        try await sql.create(index: "polls_assembly").on("polls").column("assembly_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["poll_votes", "poll_options", "polls", "assembly_delegations", "assembly_members", "assemblies"] {
            try await database.schema(table).delete()
        }
    }
}
