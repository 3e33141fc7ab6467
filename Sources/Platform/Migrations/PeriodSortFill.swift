import Foundation
import Fluent
import SQLKit

/// Fills `period_sort` (`ReportingPeriod.sortKey`) from `period` for every row of a table, for the migrations
/// that add the column to existing data (SQLite and PostgreSQL alike). A period that does not parse sorts first.
public enum PeriodSortFill {
    public static func fill(table: String, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let rows = try await sql.select().column("id").column("period").from(table).all()
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let period = try row.decode(column: "period", as: String.self)
            try await sql.update(table).set("period_sort", to: ReportingPeriod(period)?.sortKey ?? 0)
                .where("id", .equal, id).run()
        }
    }
}
