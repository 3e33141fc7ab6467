import Fluent
import Platform
import SQLKit

/// Reports keep their period's place in time (`period_sort`), so that a project's reports list by time in the
/// database (as text, `2026-10` came before `2026-Q1`) and the API's pages stay right. Existing rows are filled
/// from their period.
struct AddReportPeriodSort: AsyncMigration {
    var name: String { "projects.007.add-report-period-sort" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.alter(table: "project_reports").column("period_sort", type: .bigint, .notNull, .default(0)).run()
        try await PeriodSortFill.fill(table: "project_reports", on: database)
        try await sql.create(index: "project_reports_period_sort").on("project_reports")
            .column("project_id").column("period_sort").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "project_reports_period_sort").run()
        }
        try await database.schema("project_reports").deleteField("period_sort").update()
    }
}
