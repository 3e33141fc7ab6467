import Fluent
import Foundation
import SQLKit

/// Reads a process's proposals for ``ProposalIndex``: all of them, or those changed after the index held.
enum ProposalIndexLoader {
    static let columns = ["id", "title", "state", "wilaya_code", "domain_code", "endorsement_count", "comment_count",
                          "published_at", "answer_published_at", "pending_moderation", "search_terms", "index_revision"]

    static func load(_ processID: UUID, revision: Int64, from held: ProposalIndex?, on db: any Database) async throws
        -> ProposalIndex
    {
        guard let sql = db as? any SQLDatabase else { return ProposalIndex(processID: processID, revision: revision, proposals: [:]) }
        if let held, held.revision < revision {
            let changed = try await rows(sql.select().columns(columns.map { SQLColumn($0) }).from(Proposal.schema)
                .where("process_id", .equal, SQLBind(processID)).where("index_revision", .greaterThan, SQLBind(held.revision)))
            // A revision without a changed row is the process's own settings or phases, or a deleted proposal:
            // the number of rows tells which.
            let added = changed.keys.filter { held.proposals[$0] == nil }.count
            let count = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Proposal.schema)
                .where("process_id", .equal, SQLBind(processID)).first(decodingColumn: "n", as: Int.self) ?? 0
            if count == held.proposals.count + added {
                return held.updating(changed.mapValues { $0 }, revision: revision)
            }
        }
        let all = try await rows(sql.select().columns(columns.map { SQLColumn($0) }).from(Proposal.schema)
            .where("process_id", .equal, SQLBind(processID)))
        return ProposalIndex(processID: processID, revision: revision, proposals: all)
    }

    private static func rows(_ query: SQLSelectBuilder) async throws -> [UUID: IndexedProposal] {
        var found: [UUID: IndexedProposal] = [:]
        for row in try await query.all() {
            let id = try row.decode(column: "id", as: UUID.self)
            found[id] = IndexedProposal(
                id: id, title: try row.decode(column: "title", as: String.self),
                state: ProposalState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft,
                wilaya: try row.decode(column: "wilaya_code", as: String?.self),
                domain: try row.decode(column: "domain_code", as: String?.self),
                endorsements: try row.decode(column: "endorsement_count", as: Int.self),
                comments: try row.decode(column: "comment_count", as: Int.self),
                publishedAt: try row.decode(column: "published_at", as: Date?.self),
                answered: try row.decodeNil(column: "answer_published_at") == false,
                pending: try row.decode(column: "pending_moderation", as: Bool.self),
                terms: Array(try row.decode(column: "search_terms", as: String.self).utf8))
        }
        return found
    }
}
