import Foundation
import Fluent
import SQLKit

/// Fills `period_sort` (`ReportingPeriod.sortKey`) from `period` for every row of a table, for the migrations
/// that add the column to existing data (SQLite and PostgreSQL alike). A period that does not parse sorts first.
public enum PeriodSortFill {
    /// Adds `period_sort` to `table`, fills it and indexes it after `parent` (the owner's id column): the one
    /// migration step of every table of periods.
    public static func addColumn(to table: String, indexedAfter parent: String, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.alter(table: table).column("period_sort", type: .bigint, .notNull, .default(0)).run()
        try await fill(table: table, on: database)
        try await sql.create(index: "\(table)_period_sort").on(table).column(parent).column("period_sort").run()
    }

    /// Undoes ``addColumn(to:indexedAfter:on:)``.
    public static func dropColumn(from table: String, on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "\(table)_period_sort").run()
        }
        try await database.schema(table).deleteField("period_sort").update()
    }

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
