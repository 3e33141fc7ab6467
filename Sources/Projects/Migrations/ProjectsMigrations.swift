import Fluent
import SQLKit

enum ProjectsMigrations {
    static let all: [any Migration] = [CreateProjects(), CreateDifficulties(), CreateExpertiseAndCSR(), AddAuthorIDs(),
                                       AddEvaluationScoreTotal()]
}

struct CreateProjects: AsyncMigration {
    var name: String { "projects.001.create-projects" }

    func prepare(on database: any Database) async throws {
        try await database.schema("projects")
            .id()
            .field("slug", .string, .required)
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("title", .json, .required)
            .field("summary", .json, .required)
            .field("social_need", .json, .required)
            .field("beneficiaries", .string, .required)
            .field("domain_code", .string, .required, .references("domains", "code"))
            .field("wilaya_code", .string, .required, .references("wilayas", "code"))
            .field("budget_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("funding", .array(of: .json), .required)
            .field("partners", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("expected_jobs", .int, .required)
            .field("state", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema("project_reports")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("period", .string, .required)
            .field("narrative", .string, .required)
            .field("milestones", .string, .required)
            .field("jobs_created", .int, .required)
            .field("jobs_created_breakdown", .json, .required)
            .field("jobs_sustained", .int, .required)
            .field("jobs_sustained_breakdown", .json, .required)
            .field("beneficiaries", .int, .required)
            .field("revenue_minor", .int64, .required)
            .field("volunteers", .int, .required)
            .field("author_id", .uuid)
            .field("author_name", .string, .required)
            .field("filed_at", .datetime, .required)
            .unique(on: "project_id", "period")
            .create()
        try await database.schema("indicator_feeds")
            .id()
            .field("indicator_id", .uuid, .required, .references("indicators", "id", onDelete: .cascade))
            .field("metric", .string, .required)
            .unique(on: "indicator_id")
            .create()
        try await database.schema("project_evaluations")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("phase", .string, .required)
            .field("scores", .json, .required)
            .field("findings", .string, .required)
            .field("recommendations", .string, .required)
            .field("evaluator_id", .uuid)
            .field("evaluator_name", .string, .required)
            .field("evaluated_on", .string, .required)
            .unique(on: "project_id", "phase")
            .create()
        try await database.schema("cooperation_links")
            .id()
            .field("partner_id", .uuid, .required, .references("organizations", "id"))
            .field("project_id", .uuid, .references("projects", "id", onDelete: .cascade))
            .field("agreement_id", .uuid, .references("agreements", "id", onDelete: .cascade))
            .field("nature", .string, .required)
            .field("description", .string, .required)
            .field("since", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "projects_state").on("projects").column("state").column("slug").run()
        try await sql.create(index: "projects_organization").on("projects").column("organization_id").run()
        try await sql.create(index: "project_reports_period").on("project_reports").column("period").run()
        try await sql.create(index: "cooperation_links_project").on("cooperation_links").column("project_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["cooperation_links", "project_evaluations", "indicator_feeds", "project_reports", "projects"] {
            try await database.schema(table).delete()
        }
    }
}

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

struct CreateExpertiseAndCSR: AsyncMigration {
    var name: String { "projects.003.create-expertise-and-csr" }

    func prepare(on database: any Database) async throws {
        try await database.schema("expertise_requests")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("project_id", .uuid, .references("projects", "id", onDelete: .setNull))
            .field("domain_code", .string, .required, .references("domains", "code"))
            .field("wilaya_code", .string, .references("wilayas", "code"))
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("description", .string, .required)
            .field("state", .string, .required)
            .field("expert_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("feedback", .string)
            .field("rating", .int)
            .field("requested_by", .string, .required)
            .field("requested_at", .datetime, .required)
            .create()
        try await database.schema("csr_pledges")
            .id()
            .field("company_id", .uuid, .required, .references("organizations", "id"))
            .field("project_id", .uuid, .references("projects", "id", onDelete: .setNull))
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("value_minor", .int64, .required)
            .field("delivered_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("state", .string, .required)
            .field("pledged_on", .string, .required)
            .create()
        try await database.schema("csr_deliveries")
            .id()
            .field("pledge_id", .uuid, .required, .references("csr_pledges", "id", onDelete: .cascade))
            .field("delivered_on", .string, .required)
            .field("value_minor", .int64, .required)
            .field("note", .string, .required)
            .field("recorded_by", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "expertise_requests_state").on("expertise_requests").column("state").run()
        try await sql.create(index: "csr_pledges_company").on("csr_pledges").column("company_id").run()
        try await sql.create(index: "csr_pledges_project").on("csr_pledges").column("project_id").run()
        try await sql.create(index: "csr_deliveries_pledge").on("csr_deliveries").column("pledge_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["csr_deliveries", "csr_pledges", "expertise_requests"] { try await database.schema(table).delete() }
    }
}
