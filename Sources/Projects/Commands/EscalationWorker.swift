import Fluent
import Platform
import Vapor

/// Escalates overdue difficulties every ten minutes while the server runs (the only writer besides the command).
public enum EscalationWorker {
    public static let worker = PeriodicWorker("difficulty escalation", every: .seconds(600)) { app in
        _ = try await DifficultyService.escalateOverdue(
            on: app.db, now: app.clock.now(), messaging: app.messaging)
    }
}
