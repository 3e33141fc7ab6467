import Fluent
import Platform
import SQLKit

/// Measurements keep their period's place in time (`period_sort`), so that lists sort by time in the database
/// (as text, `2026-10` came before `2026-Q1`) and pages stay right. Existing rows are filled from their period.
struct AddMeasurementPeriodSort: AsyncMigration {
    var name: String { "agreements.006.add-measurement-period-sort" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.alter(table: "indicator_measurements").column("period_sort", type: .bigint, .notNull, .default(0)).run()
        try await PeriodSortFill.fill(table: "indicator_measurements", on: database)
        try await sql.create(index: "indicator_measurements_period_sort").on("indicator_measurements")
            .column("indicator_id").column("period_sort").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "indicator_measurements_period_sort").run()
        }
        try await database.schema("indicator_measurements").deleteField("period_sort").update()
    }
}
