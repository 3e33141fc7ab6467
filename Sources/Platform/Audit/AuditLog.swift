import Crypto
import Fluent
import Foundation
import SQLKit

/// The audit log: every write appends an entry whose hash covers the previous entry's hash,
/// so editing or deleting any row breaks the chain from that row on.
public enum AuditLog {
    static let genesisHash = String(repeating: "0", count: 64)

    /// Appends an entry. Call it inside the transaction of the write it records.
    public static func record(
        on db: any Database, actor: AuditActor, action: String, subjectType: String, subjectID: String,
        details: [String: String] = [:], at date: Date
    ) async throws {
        guard let sql = db as? any SQLDatabase else { fatalError("audit log needs an SQL database") }
        // The UPDATE takes the row lock on PostgreSQL (and the write lock on SQLite), which orders appenders.
        let head = try await sql.raw("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash").first()
        guard let head else { throw AuditError.headMissing }
        let seq = try head.decode(column: "seq", as: Int64.self)
        let previous = try head.decode(column: "hash", as: String.self)
        let entry = AuditEntry()
        entry.seq = seq
        entry.occurredAtMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        entry.actorID = actor.id
        entry.actorLabel = actor.label
        entry.action = action
        entry.subjectType = subjectType
        entry.subjectID = subjectID
        entry.details = canonicalJSON(details)
        entry.previousHash = previous
        entry.hash = hash(of: entry)
        try await entry.create(on: db)
        try await sql.raw("UPDATE audit_head SET hash = \(bind: entry.hash) WHERE id = 1").run()
    }

    static func canonicalJSON(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(details)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func hash(of entry: AuditEntry) -> String {
        let fields: [String] = [
            String(entry.seq), entry.previousHash, String(entry.occurredAtMilliseconds),
            entry.actorID?.uuidString ?? "", entry.actorLabel, entry.action, entry.subjectType, entry.subjectID,
            entry.details,
        ]
        // Length-prefix each field so that moving text between fields changes the hash.
        let material = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256.hash(data: Data(material.utf8)).hex
    }
}
