import Fluent
import SQLKit

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
