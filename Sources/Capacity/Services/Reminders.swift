import Fluent
import Platform
import Vapor

/// The day before: every person registered for an event starting within 24 hours is reminded once (on the site and
/// by mail), with the person who registered them.
public enum Reminders {
    public static func sendDue(_ context: ServiceContext) async throws -> Int {
        let events = try await CapacityEvent.query(on: context.db).filter(\.$remindedAt == nil).filter(\.$cancelledAt == nil)
            .filter(\.$startsAt > context.now).filter(\.$startsAt <= context.now.addingTimeInterval(86_400)).all()
        var sent = 0
        for event in events {
            sent += try await context.db.transaction { tx in
                let eventID = try event.requireID()
                // Claimed: a reminder goes once even when two servers run this together.
                _ = try await Registrations.claim(eventID, on: tx)
                guard try await CapacityEvent.find(eventID, on: tx)?.remindedAt == nil else { return 0 }
                var told = 0
                let day = DateText.machine(event.startsAt, withTime: false)
                for registration in try await EventRegistration.query(on: tx).filter(\.$eventID == eventID)
                    .filter(\.$status == .registered).all() {
                    try await Registrations.tell(registration, about: event, ("capacity.notice.reminder", [day]),
                                                 context.on(tx))
                    told += 1
                }
                event.remindedAt = context.now
                try await event.update(on: tx)
                return told
            }
        }
        return sent
    }
}

/// `shabaka capacity remind`: sends the reminders due (cron-friendly; `serve` also does it every ten minutes).
struct CapacityCommands: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "remind")
        var action: String
    }

    var help: String { "Capacity room tasks: `remind` tells the people registered for tomorrow's events." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "remind" else {
            throw CommandUsageError("unknown action \(signature.action); use: remind")
        }
        let sent = try await Reminders.sendDue(context.application.service)
        context.console.print("sent \(sent) reminder\(sent == 1 ? "" : "s")")
    }
}

/// Sends the reminders due every ten minutes while the server runs.
public enum CapacityWorker {
    public static let worker = PeriodicWorker("event reminders", every: .seconds(600)) { app in
        _ = try await Reminders.sendDue(app.service)
    }
}
