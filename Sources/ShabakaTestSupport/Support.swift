import App
import Fluent
import Foundation
import Platform
import SQLKit
import VaporTesting

/// The repository root, found from this file's location, so tests read Resources/ wherever they run from.
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path + "/"
}()

/// Runs `body` with a fresh, migrated app: in-memory SQLite, or — when `DATABASE_URL` is set — a
/// PostgreSQL schema of its own (dropped afterwards), so tests run in parallel on either store.
public func withShabaka(
    demo: Bool = false,
    clock: ManualClock = ManualClock(),
    adjust: @Sendable (inout ShabakaConfig) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    var config: ShabakaConfig
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
        config = ShabakaConfig(database: .postgres(url: url, schema: schema))
        config.databasePoolSize = 1
        // The whole suite shares two cores and one server: a burst test's last request may wait longer for one of
        // its app's two connections than a deployed server's would.
        config.databasePoolWaitSeconds = 180
    } else {
        config = ShabakaConfig(database: .sqliteMemory)
    }
    config.bcryptCost = 4
    config.loadDemoData = demo
    // A test's clock stands still and every request comes from one address: the API rate limits are lifted unless
    // a test sets them (RateLimitTests).
    config.apiRequestsPerTokenPerMinute = 10_000_000
    config.apiRequestsPerAddressPerMinute = 10_000_000
    adjust(&config)
    let finalConfig = config
    // On PostgreSQL each app holds up to one connection per event loop; the whole suite at once would pass
    // the server's `max_connections`, so at most `AppSlots.postgres` apps are alive together.
    let slots: AppSlots? = if case .postgres = config.database { AppSlots.postgres } else { nil }
    await slots?.acquire()
    defer { if let slots { Task { await slots.release() } } }
    try await withApp(configure: { app in
        app.directory = DirectoryConfiguration(workingDirectory: repositoryRoot)
        // Warnings and errors only (migrations log each step at info), unless LOG_LEVEL asks for more.
        app.logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
        app.clock = clock
        try await configure(app, config: finalConfig, options: StartOptions(migrate: false, loadDemoData: false,
                                                                            startWorkers: false))
        if case .postgres = finalConfig.database, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.autoMigrate()
        if demo { try await loadDemoData(app) }
    }) { app in
        defer { _ = app }
        do {
            try await body(app)
        } catch {
            await dropSchema(app, finalConfig, schema)
            throw error
        }
        await dropSchema(app, finalConfig, schema)
    }
}

private func dropSchema(_ app: Application, _ config: ShabakaConfig, _ schema: String) async {
    guard case .postgres = config.database, let sql = app.db as? any SQLDatabase else { return }
    try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
}

/// A counting semaphore for apps alive at once.
actor AppSlots {
    static let postgres = AppSlots(32)

    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) {
        available = count
    }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
