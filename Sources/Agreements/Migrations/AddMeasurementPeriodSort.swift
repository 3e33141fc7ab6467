import Fluent
import Platform

/// Measurements keep their period's place in time (`period_sort`), so that lists sort by time in the database
/// (as text, `2026-10` came before `2026-Q1`) and pages stay right. Existing rows are filled from their period.
struct AddMeasurementPeriodSort: AsyncMigration {
    var name: String { "agreements.006.add-measurement-period-sort" }

    func prepare(on database: any Database) async throws {
        try await PeriodSortFill.addColumn(to: "indicator_measurements", indexedAfter: "indicator_id", on: database)
    }

    func revert(on database: any Database) async throws {
        try await PeriodSortFill.dropColumn(from: "indicator_measurements", on: database)
    }
}
