import Fluent
import SQLKit

/// One row per submitted form id (web) or `Idempotency-Key` (API): the repeat gets the first answer.
struct CreateFormSubmissions: AsyncMigration {
    var name: String { "platform.011.create-form-submissions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("form_submissions")
            .id()
            .field("scope", .string, .required)
            .field("submission_key", .string, .required)
            .field("fingerprint", .string, .required)
            .field("state", .string, .required)
            .field("status", .int)
            .field("location", .string)
            .field("content_type", .string)
            .field("body", .data)
            .field("created_at", .datetime, .required)
            .unique(on: "scope", "submission_key")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "form_submissions_created").on("form_submissions").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("form_submissions").delete()
    }
}
