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

struct CreateStrategies: AsyncMigration {
    var name: String { "agreements.002.create-strategies" }

    func prepare(on database: any Database) async throws {
        try await database.schema("strategies")
            .id()
            .field("slug", .string, .required)
            .field("title", .json, .required)
            .field("owner_id", .uuid, .required, .references("organizations", "id"))
            .field("start_year", .int, .required)
            .field("end_year", .int, .required)
            .unique(on: "slug")
            .create()
        try await database.schema("strategy_axes")
            .id()
            .field("strategy_id", .uuid, .required, .references("strategies", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("title", .json, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema("strategy_objectives")
            .id()
            .field("axis_id", .uuid, .required, .references("strategy_axes", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("title", .json, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema("indicators")
            .id()
            .field("objective_id", .uuid, .required, .references("strategy_objectives", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("name", .json, .required)
            .field("unit", .json, .required)
            .field("baseline", .double, .required)
            .field("baseline_year", .int, .required)
            .field("direction", .string, .required)
            .field("aggregation", .string, .required)
            .field("disaggregations", .string, .required)
            .field("targets", .json, .required)
            .unique(on: "code")
            .create()
        try await database.schema("indicator_measurements")
            .id()
            .field("indicator_id", .uuid, .required, .references("indicators", "id", onDelete: .cascade))
            .field("period", .string, .required)
            .field("year", .int, .required)
            .field("value", .double, .required)
            .field("breakdown", .json, .required)
            .field("source", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "indicator_id", "period")
            .create()
        try await database.schema("action_plans")
            .id()
            .field("strategy_id", .uuid, .required, .references("strategies", "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("title", .json, .required)
            .unique(on: "strategy_id", "year")
            .create()
        try await database.schema("activities")
            .id()
            .field("action_plan_id", .uuid, .required, .references("action_plans", "id", onDelete: .cascade))
            .field("objective_id", .uuid, .references("strategy_objectives", "id"))
            .field("title", .json, .required)
            .field("responsible_id", .uuid, .references("organizations", "id"))
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("state", .string, .required)
            .field("budget_minor", .int64, .required)
            .field("currency", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["activities", "action_plans", "indicator_measurements", "indicators", "strategy_objectives",
                      "strategy_axes", "strategies"] {
            try await database.schema(table).delete()
        }
    }
}

struct CreateCommitments: AsyncMigration {
    var name: String { "agreements.003.create-commitments" }

    func prepare(on database: any Database) async throws {
        try await database.schema("commitments")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("owner_id", .uuid, .required, .references("organizations", "id"))
            .field("description", .json, .required)
            .field("due_on", .string, .required)
            .field("strategy_objective_id", .uuid, .references("strategy_objectives", "id"))
            .field("state", .string, .required)
            .field("progress", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("follow_ups")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("commitment_id", .uuid, .references("commitments", "id", onDelete: .cascade))
            .field("occurred_on", .string, .required)
            .field("author_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("author_name", .string, .required)
            .field("text", .string, .required)
            .field("evidence_url", .string)
            .field("progress", .int)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "commitments_agreement").on("commitments").column("agreement_id").run()
            try await sql.create(index: "follow_ups_agreement").on("follow_ups").column("agreement_id").run()
            try await sql.create(index: "measurements_indicator").on("indicator_measurements")
                .column("indicator_id").column("year").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("follow_ups").delete()
        try await database.schema("commitments").delete()
    }
}

enum AgreementsMigrations {
    static let all: [any Migration] = [CreateAgreements(), CreateStrategies(), CreateCommitments(),
                                       AddMeasurementRecorderID()]
}

/// Measurements keep the recording account's id; its name is shown from the account (erasure-safe).
struct AddMeasurementRecorderID: AsyncMigration {
    var name: String { "agreements.004.add-measurement-recorder-id" }

    func prepare(on database: any Database) async throws {
        try await database.schema("indicator_measurements").field("recorded_by_user_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("indicator_measurements").deleteField("recorded_by_user_id").update()
    }
}
