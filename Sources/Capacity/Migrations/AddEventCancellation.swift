import Fluent

/// An event the organiser called off before it started: when, and the reason its people were given.
struct AddEventCancellation: AsyncMigration {
    var name: String { "capacity.003.event-cancellation" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        try await database.schema("capacity_events").field("cancelled_at", .datetime).update()
        try await database.schema("capacity_events").field("cancellation_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("capacity_events").deleteField("cancellation_reason").update()
        try await database.schema("capacity_events").deleteField("cancelled_at").update()
    }
}
