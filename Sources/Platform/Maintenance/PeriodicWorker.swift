import NIOConcurrencyHelpers
import Vapor

/// Runs a job every `interval` while the server runs (outbox delivery, escalation, purge). A failure is
/// logged and the job runs again at its next turn; the first run happens right after boot.
public struct PeriodicWorker: LifecycleHandler {
    let name: String
    let interval: Duration
    let job: @Sendable (Application) async throws -> Void
    let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    public init(_ name: String, every interval: Duration, job: @escaping @Sendable (Application) async throws -> Void) {
        self.name = name
        self.interval = interval
        self.job = job
    }

    public func didBootAsync(_ application: Application) async throws {
        let (name, interval, job) = (self.name, self.interval, self.job)
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    do {
                        try await job(application)
                    } catch {
                        application.logger.warning("\(name) failed: \(error)")
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
