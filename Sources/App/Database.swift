import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Platform
import SQLKit
import Vapor

/// The one database switch: PostgreSQL when `DATABASE_URL` is set, else a SQLite file. Logged at start.
func configureDatabase(_ app: Application, _ config: ShabakaConfig, announce: Bool) throws {
    let level: Logger.Level = announce ? .notice : .debug
    switch config.database {
    case .postgres(let url, let schema):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema { configuration.searchPath = [schema] }
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: config.databasePoolSize,
                                    connectionPoolTimeout: .seconds(Int64(config.databasePoolWaitSeconds))), as: .psql)
        app.isUniqueViolation = { error in
            (error as? PSQLError)?.serverInfo?[.sqlState] == PostgresError.Code.uniqueViolation.raw
        }
        app.logger.log(level: level, "database: PostgreSQL at \(redacted(url))\(schema.map { " (schema \($0))" } ?? "")")
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        app.isUniqueViolation = isSQLiteUniqueViolation
        app.logger.log(level: level, "database: SQLite file \(path)")
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
        app.isUniqueViolation = isSQLiteUniqueViolation
        app.logger.log(level: level, "database: SQLite in memory")
    }
}

@Sendable private func isSQLiteUniqueViolation(_ error: any Error) -> Bool {
    guard let reason = (error as? SQLiteError)?.reason else { return false }
    return reason == .constraintUniqueFailed || reason == .constraintPrimaryKeyFailed
}

/// Settings that live in the database file itself: SQLite's write-ahead log (readers never block the writer).
func prepareDatabase(_ app: Application, _ choice: ShabakaConfig.DatabaseChoice) async throws {
    guard case .sqlite = choice, let sql = app.db as? any SQLDatabase else { return }
    try await sql.raw("PRAGMA journal_mode=WAL").run()
}

private func redacted(_ url: String) -> String {
    guard var components = URLComponents(string: url) else { return "(unparsable URL)" }
    if components.password != nil { components.password = "***" }
    return components.string ?? "(unparsable URL)"
}
