import Fluent
import SQLKit

/// Events, their trainers, registrations (and the waiting list), attendance per session, certificates.
struct CreateEvents: AsyncMigration {
    var name: String { "capacity.001.create-events" }

    func prepare(on database: any Database) async throws {
        try await database.schema("capacity_events")
            .id()
            .field("organizer_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("title", .json, .required)
            .field("programme", .json, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("wilaya_code", .string)
            .field("address", .string)
            .field("online_url", .string)
            .field("audience", .string, .required)
            .field("capacity", .int, .required)
            .field("registration_opens_at", .datetime, .required)
            .field("registration_closes_at", .datetime, .required)
            .field("domain_codes", .string, .required)
            .field("registered", .int, .required)
            .field("last_sequence", .int, .required)
            .field("reminded_at", .datetime)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("capacity_event_trainers")
            .id()
            .field("event_id", .uuid, .required, .references("capacity_events", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required)
            .unique(on: "event_id", "person_id")
            .create()
        try await database.schema("capacity_registrations")
            .id()
            .field("event_id", .uuid, .required, .references("capacity_events", "id", onDelete: .cascade))
            .field("user_id", .uuid)
            .field("organization_id", .uuid)
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("status", .string, .required)
            .field("sequence", .int, .required)
            .field("registered_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("promoted_at", .datetime)
            .field("cancelled_at", .datetime)
            .unique(on: "event_id", "email")
            .unique(on: "event_id", "sequence")
            .create()
        try await database.schema("capacity_attendance")
            .id()
            .field("registration_id", .uuid, .required, .references("capacity_registrations", "id", onDelete: .cascade))
            .field("event_id", .uuid, .required)
            .field("session", .int, .required)
            .field("checked_by", .uuid)
            .field("checked_at", .datetime, .required)
            .unique(on: "registration_id", "session")
            .create()
        try await database.schema("capacity_certificates")
            .id()
            .field("code", .string, .required)
            .field("registration_id", .uuid, .required, .references("capacity_registrations", "id"))
            .field("event_id", .uuid, .required)
            .field("holder_name", .string, .required)
            .field("event_title", .json, .required)
            .field("organizer_name", .json, .required)
            .field("event_kind", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("sessions", .int, .required)
            .field("issued_by", .uuid)
            .field("issued_at", .datetime, .required)
            .unique(on: "code")
            .unique(on: "registration_id")
            .create()
        try await database.schema("capacity_resources")
            .id()
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("language", .string, .required)
            .field("domain_code", .string, .required)
            .field("url", .string)
            .field("attachment_id", .uuid)
            .field("search_text", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "capacity_events_starts").on("capacity_events").column("starts_at").run()
        try await sql.create(index: "capacity_registrations_user").on("capacity_registrations").column("user_id").run()
        try await sql.create(index: "capacity_attendance_event").on("capacity_attendance").column("event_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["capacity_resources", "capacity_certificates", "capacity_attendance", "capacity_registrations",
                      "capacity_event_trainers", "capacity_events"] {
            try await database.schema(table).delete()
        }
    }
}

enum CapacityMigrations {
    static let all: [any Migration] = [CreateEvents(), CreateNeedsAndAssessments(), AddEventCancellation()]
}
