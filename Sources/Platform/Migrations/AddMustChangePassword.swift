import Fluent

/// Accounts whose password was printed by `create-admin` are asked to choose their own.
struct AddMustChangePassword: AsyncMigration {
    var name: String { "platform.users.002.must-change-password" }

    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("must_change_password", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("must_change_password").update()
    }
}
