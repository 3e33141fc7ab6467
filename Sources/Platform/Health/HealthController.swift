import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// `/healthz` (the process answers), `/readyz` (the database answers and every registered readiness check passes,
/// e.g. the directory's search index is built), `/metrics` (Prometheus text).
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz") { _ in HealthStatus(status: "ok") }
        routes.get("readyz", use: ready)
        routes.get("metrics", use: metrics)
    }

    @Sendable func ready(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await sql.raw("SELECT 1").run()
            let waiting = req.application.readiness.waiting(req.application)
            guard waiting.isEmpty else {
                let response = try await HealthStatus(status: "starting", waitingFor: waiting).encodeResponse(for: req)
                response.status = .serviceUnavailable
                return response
            }
            return try await HealthStatus(status: "ok").encodeResponse(for: req)
        } catch {
            let response = try await HealthStatus(status: "unavailable").encodeResponse(for: req)
            response.status = .serviceUnavailable
            return response
        }
    }

    @Sendable func metrics(req: Request) async throws -> Response {
        var buffer: [UInt8] = []
        req.application.metricsRegistry.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }
}

extension Application {
    private struct ReadinessKey: StorageKey { typealias Value = ReadinessChecks }

    /// Readiness checks of the rooms (register them while configuring).
    public var readiness: ReadinessChecks {
        if let checks = storage[ReadinessKey.self] { return checks }
        let checks = ReadinessChecks()
        storage[ReadinessKey.self] = checks
        return checks
    }
}
