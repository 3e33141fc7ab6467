import Fluent
import Foundation
import SQLKit

/// The revision counters the database keeps for the room's caches (``CreateRevisions``), read in one query.
struct ParticipationRevisions: Sendable, Hashable {
    /// The counters of the ids asked for (a process: its settings, phases and proposals; a subject: its
    /// comments), 0 for an id never changed since the counters exist.
    let revisions: [Int64]
    /// Moves when a person's display name changes or an account is erased.
    let names: Int64

    static func read(_ ids: [UUID], on db: any Database) async throws -> ParticipationRevisions {
        guard let sql = db as? any SQLDatabase else { return ParticipationRevisions(revisions: ids.map { _ in -1 }, names: -1) }
        var query: SQLQueryString = "SELECT (SELECT revision FROM author_name_revision WHERE id = 1) AS names"
        for (index, id) in ids.enumerated() {
            query = query + ", (SELECT revision FROM participation_revisions WHERE id = \(bind: id)) AS r\(unsafeRaw: String(index))"
        }
        guard let row = try await sql.raw(query).first() else { return ParticipationRevisions(revisions: ids.map { _ in 0 }, names: 0) }
        return ParticipationRevisions(
            revisions: try ids.indices.map { try row.decode(column: "r\($0)", as: Int64?.self) ?? 0 },
            names: try row.decode(column: "names", as: Int64?.self) ?? 0)
    }
}
