import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Queues e-mails; delivery happens later (``OutboxDelivery``), so a slow or broken mail system never
/// fails or slows the request that sent the message.
public enum Outbox {
    public static func enqueue(
        to recipient: String, subject: String, body: String, kind: String, on db: any Database, at date: Date
    ) async throws {
        try await OutboxMessage(recipient: recipient, subject: subject, body: body, kind: kind, at: date).create(on: db)
    }
}

/// Polls the outbox while the server runs, when `SHABAKA_SENDMAIL` is set.
public struct OutboxWorker: LifecycleHandler {
    let interval: Duration
    let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    public init(interval: Duration = .seconds(10)) {
        self.interval = interval
    }

    public func didBootAsync(_ application: Application) async throws {
        guard let path = application.shabakaConfig.sendmailPath else { return }
        let delivery = OutboxDelivery(sendmailPath: path, from: application.shabakaConfig.mailFrom)
        let interval = self.interval
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    do {
                        _ = try await delivery.deliverDue(
                            on: application.db, now: application.clock.now(), threadPool: application.threadPool)
                    } catch {
                        application.logger.warning("outbox delivery failed: \(error)")
                    }
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    public func shutdownAsync(_ application: Application) async {
        task.withLockedValue { $0?.cancel() }
    }
}
