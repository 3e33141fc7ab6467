import Fluent
import SQLKit

/// Participatory-budgeting elections: their budgets and projects, the secret ballots, who has voted (a keyed hash,
/// never an account), turnout demographics apart from the ballots, and the stored results.
struct CreateBudgetElections: AsyncMigration {
    var name: String { "participation.005.create-budget-elections" }

    func prepare(on database: any Database) async throws {
        try await database.schema("budget_elections")
            .id()
            .field("process_id", .uuid, .required, .references("participatory_processes", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("language", .string, .required)
            .field("rule", .string, .required)
            .field("ballot_kind", .string, .required)
            .field("min_projects", .int, .required)
            .field("max_projects", .int)
            .field("budgets_per_voter", .int)
            .field("minimum_age", .int)
            .field("opens_at", .datetime, .required)
            .field("closes_at", .datetime, .required)
            .field("state", .string, .required)
            .field("revision", .int, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("scheduled_at", .datetime)
            .field("tallied_at", .datetime)
            .create()
        try await database.schema("election_budgets")
            .id()
            .field("election_id", .uuid, .required, .references("budget_elections", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("wilaya_code", .string)
            .field("amount", .int64, .required)
            .unique(on: "election_id", "position")
            .create()
        try await database.schema("election_projects")
            .id()
            .field("election_id", .uuid, .required, .references("budget_elections", "id", onDelete: .cascade))
            .field("budget_id", .uuid, .required, .references("election_budgets", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("cost", .int64, .required)
            .field("wilaya_code", .string)
            .field("domain_code", .string)
            .field("proposal_id", .uuid)
            .field("project_id", .uuid)
            .field("excluded_reason", .string)
            .field("excluded_at", .datetime)
            .field("excluded_by", .uuid)
            .unique(on: "election_id", "number")
            .create()
        // A ballot names no one: `voter_link` is a keyed hash of the election and the person, so that a changed
        // ballot replaces the earlier one; `receipt` is random and published with the ballot.
        try await database.schema("election_ballots")
            .id()
            .field("election_id", .uuid, .required, .references("budget_elections", "id", onDelete: .cascade))
            .field("budget_id", .uuid, .required, .references("election_budgets", "id", onDelete: .cascade))
            .field("voter_link", .string, .required)
            .field("receipt", .string, .required)
            .field("projects", .string, .required)
            .field("channel", .string, .required)
            .field("version", .int, .required)
            .unique(on: "budget_id", "voter_link")
            .unique(on: "receipt")
            .create()
        // Who has voted in the election (in any budget), by the same keyed hash: checked in at a polling station,
        // or voted online.
        try await database.schema("election_voters")
            .field("election_id", .uuid, .required, .references("budget_elections", "id", onDelete: .cascade))
            .field("voter_link", .string, .required)
            .field("channel", .string, .required)
            .unique(on: "election_id", "voter_link")
            .create()
        // Turnout: counts of voters per channel, wilaya, sex and age group ('' when not given), so that no row
        // stands for one voter and nothing leads to a ballot.
        try await database.schema("election_turnout")
            .id()
            .field("election_id", .uuid, .required, .references("budget_elections", "id", onDelete: .cascade))
            .field("channel", .string, .required)
            .field("wilaya_code", .string, .required)
            .field("sex", .string, .required)
            .field("age_group", .string, .required)
            .field("voters", .int, .required)
            .unique(on: "election_id", "channel", "wilaya_code", "sex", "age_group")
            .create()
        try await database.schema("election_results")
            .id()
            .field("election_id", .uuid, .required, .references("budget_elections", "id", onDelete: .cascade))
            .field("budget_id", .uuid, .required, .references("election_budgets", "id", onDelete: .cascade))
            .field("ballots", .int, .required)
            .field("outcome", .json, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "budget_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "budget_elections_process").on("budget_elections").column("process_id").run()
        try await sql.create(index: "election_projects_budget").on("election_projects").column("budget_id")
            .column("number").run()
        try await sql.create(index: "election_ballots_election").on("election_ballots").column("election_id")
            .column("voter_link").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["election_results", "election_turnout", "election_voters", "election_ballots", "election_projects",
                      "election_budgets", "budget_elections"] {
            try await database.schema(table).delete()
        }
    }
}
