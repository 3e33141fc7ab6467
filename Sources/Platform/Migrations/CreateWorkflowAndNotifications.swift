import Fluent
import SQLKit

struct CreateWorkflowAndNotifications: AsyncMigration {
    var name: String { "platform.005.create-workflow-steps-and-notifications" }

    func prepare(on database: any Database) async throws {
        try await database.schema("workflow_steps")
            .id()
            .field("workflow", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("action", .string, .required)
            .field("from_state", .string)
            .field("to_state", .string, .required)
            .field("actor_id", .uuid)
            .field("actor_label", .string, .required)
            .field("reason", .string)
            .field("occurred_at", .datetime, .required)
            .create()
        try await database.schema("notifications")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("message_key", .string, .required)
            .field("arguments", .array(of: .string), .required)
            .field("link", .string, .required)
            .field("read_at", .datetime)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "workflow_steps_subject").on("workflow_steps")
                .column("workflow").column("subject_id").run()
            try await sql.create(index: "notifications_user").on("notifications").column("user_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notifications").delete()
        try await database.schema("workflow_steps").delete()
    }
}
