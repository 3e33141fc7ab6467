import Fluent
import SQLKit

/// Training needs (and the events answering them), yearly self-assessments, feedback after events, and the
/// strategy indicators fed by attendance.
struct CreateNeedsAndAssessments: AsyncMigration {
    var name: String { "capacity.002.needs-assessments-feedback" }

    func prepare(on database: any Database) async throws {
        try await database.schema("capacity_training_needs")
            .id()
            .field("organization_id", .uuid, .required)
            .field("domain_code", .string, .required)
            .field("dimension", .string)
            .field("wilaya_code", .string)
            .field("description", .string, .required)
            .field("people", .int, .required)
            .field("year", .int, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("capacity_event_needs")
            .id()
            .field("event_id", .uuid, .required, .references("capacity_events", "id", onDelete: .cascade))
            .field("need_id", .uuid, .required, .references("capacity_training_needs", "id", onDelete: .cascade))
            .unique(on: "event_id", "need_id")
            .create()
        try await database.schema("capacity_assessments")
            .id()
            .field("organization_id", .uuid, .required)
            .field("year", .int, .required)
            .field("governance", .int, .required)
            .field("finances", .int, .required)
            .field("project_management", .int, .required)
            .field("human_resources", .int, .required)
            .field("partnerships", .int, .required)
            .field("communication", .int, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "organization_id", "year")
            .create()
        try await database.schema("capacity_feedback")
            .id()
            .field("event_id", .uuid, .required, .references("capacity_events", "id", onDelete: .cascade))
            .field("registration_id", .uuid, .required, .references("capacity_registrations", "id", onDelete: .cascade))
            .field("rating", .int, .required)
            .field("useful", .bool, .required)
            .field("comment", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "registration_id")
            .create()
        try await database.schema("capacity_indicator_feeds")
            .id()
            .field("indicator_id", .uuid, .required)
            .field("metric", .string, .required)
            .unique(on: "indicator_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "capacity_needs_year").on("capacity_training_needs").column("year").run()
        try await sql.create(index: "capacity_assessments_year").on("capacity_assessments").column("year").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["capacity_indicator_feeds", "capacity_feedback", "capacity_assessments", "capacity_event_needs",
                      "capacity_training_needs"] {
            try await database.schema(table).delete()
        }
    }
}
