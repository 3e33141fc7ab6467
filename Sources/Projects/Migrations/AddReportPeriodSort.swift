import Fluent
import Platform

/// Reports keep their period's place in time (`period_sort`), so that a project's reports list by time in the
/// database (as text, `2026-10` came before `2026-Q1`) and the API's pages stay right. Existing rows are filled
/// from their period.
struct AddReportPeriodSort: AsyncMigration {
    var name: String { "projects.007.add-report-period-sort" }

    func prepare(on database: any Database) async throws {
        try await PeriodSortFill.addColumn(to: "project_reports", indexedAfter: "project_id", on: database)
    }

    func revert(on database: any Database) async throws {
        try await PeriodSortFill.dropColumn(from: "project_reports", on: database)
    }
}
