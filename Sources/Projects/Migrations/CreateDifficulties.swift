import Fluent
import SQLKit

struct CreateDifficulties: AsyncMigration {
    var name: String { "projects.002.create-difficulties" }

    func prepare(on database: any Database) async throws {
        try await database.schema("difficulties")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("category", .string, .required)
            .field("severity", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("state", .string, .required)
            .field("reported_by", .string, .required)
            .field("reported_at", .datetime, .required)
            .field("cause", .string)
            .field("diagnosed_by", .string)
            .field("diagnosed_at", .datetime)
            .field("chosen_solution_id", .uuid)
            .field("decision_reason", .string)
            .field("decision_owner", .string)
            .field("decision_deadline", .string)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .field("closed_note", .string)
            .field("closed_at", .datetime)
            .create()
        try await database.schema("difficulty_solutions")
            .id()
            .field("difficulty_id", .uuid, .required, .references("difficulties", "id", onDelete: .cascade))
            .field("description", .string, .required)
            .field("cost_minor", .int64, .required)
            .field("duration_days", .int, .required)
            .field("proposer_id", .uuid)
            .field("proposer_name", .string, .required)
            .field("proposed_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "difficulties_state").on("difficulties").column("state").column("reported_at").run()
        try await sql.create(index: "difficulties_project").on("difficulties").column("project_id").run()
        try await sql.create(index: "difficulties_deadline").on("difficulties").column("state").column("decision_deadline").run()
        try await sql.create(index: "difficulty_solutions_difficulty").on("difficulty_solutions").column("difficulty_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("difficulty_solutions").delete()
        try await database.schema("difficulties").delete()
    }
}
