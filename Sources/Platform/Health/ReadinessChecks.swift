import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// What must be ready, besides the database, before `/readyz` says so (a load balancer then sends traffic).
public final class ReadinessChecks: Sendable {
    private let checks = NIOLockedValueBox<[(name: String, isReady: @Sendable (Application) -> Bool)]>([])

    public func register(_ name: String, _ isReady: @escaping @Sendable (Application) -> Bool) {
        checks.withLockedValue { $0.append((name, isReady)) }
    }

    func waiting(_ app: Application) -> [String] {
        checks.withLockedValue { $0 }.filter { !$0.isReady(app) }.map(\.name)
    }
}
