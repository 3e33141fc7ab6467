import Fluent
import Vapor

/// Polls the outbox every ten seconds while the server runs, when `SHABAKA_SENDMAIL` is set.
public enum OutboxWorker {
    public static let worker = PeriodicWorker("outbox delivery", every: .seconds(10)) { app in
        guard let path = app.shabakaConfig.sendmailPath else { return }
        _ = try await OutboxDelivery(sendmailPath: path, from: app.shabakaConfig.mailFrom)
            .deliverDue(on: app.db, now: app.clock.now(), threadPool: app.threadPool)
    }
}
