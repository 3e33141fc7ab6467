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
