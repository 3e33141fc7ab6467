import Foundation
import Fluent
import SQLKit

/// One page of a table's ids chosen by SQL conditions, in a stable order, and how many rows match: the shape
/// of every list query that filters by more than columns (search terms, related rows). The records are then
/// read by primary key (``Model/inOrder(_:on:)``).
public struct PagedIDs {
    let table: String
    var conditions: [any SQLExpression] = []

    public init(_ table: String) {
        self.table = table
    }

    /// Adds a condition (all must hold).
    public mutating func require(_ condition: any SQLExpression) {
        conditions.append(condition)
    }

    /// The ids of `page` in `order` (then by id, so that pages never overlap), and the number of matches.
    public func fetch(
        _ page: PageQuery, order: [(column: String, direction: SQLDirection)], on db: any Database
    ) async throws -> (ids: [UUID], total: Int) {
        guard let sql = db as? any SQLDatabase else { return ([], 0) }
        let predicate: (any SQLExpression)? = conditions.isEmpty ? nil
            : conditions.dropFirst().reduce(conditions[0]) { SQLBinaryExpression($0, .and, $1) }
        var count = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total").from(table)
        if let predicate { count = count.where(predicate) }
        let total = try await count.first(decodingColumn: "total", as: Int.self) ?? 0
        guard total > page.offset else { return ([], total) }
        var select = sql.select().column("id").from(table).limit(page.size).offset(page.offset)
        for (column, direction) in order { select = select.orderBy(column, direction) }
        select = select.orderBy("id")
        if let predicate { select = select.where(predicate) }
        let ids = try await select.all().map { try $0.decode(column: "id", as: UUID.self) }
        return (ids, total)
    }
}

extension Model where IDValue == UUID {
    /// The records with these ids, in the ids' order.
    public static func inOrder(_ ids: [UUID], on db: any Database) async throws -> [Self] {
        guard !ids.isEmpty else { return [] }
        let found = try await query(on: db).filter(\._$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: found.compactMap { record in record.id.map { ($0, record) } })
        return ids.compactMap { byID[$0] }
    }
}
