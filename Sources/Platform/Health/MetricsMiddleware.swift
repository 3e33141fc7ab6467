import Prometheus
import Vapor

/// Counts requests and measures their latency by route pattern (not by raw path, to keep labels few).
public struct MetricsMiddleware: AsyncMiddleware {
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        var status = 500
        defer {
            let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
            let labels = [("method", request.method.rawValue), ("route", route), ("status", "\(status)")]
            let registry = request.application.metricsRegistry
            registry.makeCounter(name: "shabaka_http_requests_total", labels: labels).increment()
            let elapsed = ContinuousClock.now - started
            registry.makeDurationHistogram(
                name: "shabaka_http_request_duration_seconds",
                labels: [("method", request.method.rawValue), ("route", route)],
                buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                          .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)]
            ).recordNanoseconds(elapsed.nanoseconds)
        }
        let response = try await next.respond(to: request)
        status = Int(response.status.code)
        return response
    }
}

extension Duration {
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}

extension Application {
    private struct RegistryKey: StorageKey { typealias Value = PrometheusCollectorRegistry }
    /// One registry per app (not the process-wide MetricsSystem), so tests can run many apps side by side.
    public var metricsRegistry: PrometheusCollectorRegistry {
        if let registry = storage[RegistryKey.self] { return registry }
        let registry = PrometheusCollectorRegistry()
        storage[RegistryKey.self] = registry
        return registry
    }
}
