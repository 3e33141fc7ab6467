import Fluent

/// How an indicator is measured (source, method, frequency), written when staff define it.
struct AddIndicatorMethod: AsyncMigration {
    var name: String { "agreements.005.add-indicator-method" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Indicator.schema).field("method", .json).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Indicator.schema).deleteField("method").update()
    }
}
