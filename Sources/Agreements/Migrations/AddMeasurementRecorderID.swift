import Fluent
import SQLKit

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
