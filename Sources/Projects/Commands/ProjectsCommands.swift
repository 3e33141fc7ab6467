import Fluent
import Platform
import Vapor

/// `shabaka projects escalate`: escalates every difficulty whose decision deadline has passed (cron-friendly;
/// `serve` also does it every ten minutes; pages only show such a difficulty as overdue).
struct ProjectsCommands: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "escalate")
        var action: String
    }

    var help: String { "Projects room tasks: `escalate` overdue difficulties to the observatory." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "escalate" else { throw CommandUsageError("unknown action \(signature.action); use: escalate") }
        let app = context.application
        let count = try await DifficultyService.escalateOverdue(
            on: app.db, now: app.clock.now(),
            messaging: app.messaging)
        context.console.print("escalated \(count) overdue difficult\(count == 1 ? "y" : "ies")")
    }
}
