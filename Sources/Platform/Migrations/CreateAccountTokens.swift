import Fluent
import SQLKit

/// One-time account links (password reset, e-mail confirmation) in one table, and the confirmation time of
/// each account's address. Accounts that existed before confirmation was asked count as confirmed.
struct CreateAccountTokens: AsyncMigration {
    var name: String { "platform.009.create-account-tokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema("account_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("users").field("email_confirmed_at", .datetime).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "account_tokens_user").on("account_tokens").column("user_id").column("purpose").run()
        try await sql.update("users").set("email_confirmed_at", to: SQLColumn("created_at")).run()
        // Reset links issued before this migration stop working (they live one hour).
        try await sql.drop(table: "password_resets").ifExists().run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("email_confirmed_at").update()
        try await database.schema("account_tokens").delete()
    }
}

/// A secret (a one-time link) travels beside an outbox message, never inside its stored body, and is
/// forgotten once the message is sent or the link has expired.
struct AddOutboxSecrets: AsyncMigration {
    var name: String { "platform.010.add-outbox-secrets" }

    func prepare(on database: any Database) async throws {
        try await database.schema("outbox_messages").field("secret", .string).update()
        try await database.schema("outbox_messages").field("secret_expires_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox_messages").deleteField("secret_expires_at").update()
        try await database.schema("outbox_messages").deleteField("secret").update()
    }
}

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
