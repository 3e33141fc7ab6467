import Fluent
import Foundation

/// The outcome of re-checking the audit chain.
public enum AuditVerification: Sendable, Equatable {
    case intact(entries: Int)
    case broken(seq: Int64, id: UUID?, reason: String)
}

extension AuditLog {
    /// Re-reads the whole log in order and recomputes every hash; names the first entry that does not match.
    public static func verify(on db: any Database, batchSize: Int = 1000) async throws -> AuditVerification {
        var expectedSeq: Int64 = 1
        var previousHash = genesisHash
        var count = 0
        while true {
            let batch = try await AuditEntry.query(on: db).filter(\.$seq >= expectedSeq).sort(\.$seq)
                .limit(batchSize).all()
            for entry in batch {
                if entry.seq != expectedSeq {
                    return .broken(seq: expectedSeq, id: nil, reason: "entry \(expectedSeq) is missing")
                }
                if entry.previousHash != previousHash {
                    return .broken(seq: entry.seq, id: entry.id, reason: "its previous-hash does not match entry \(entry.seq - 1)")
                }
                if hash(of: entry) != entry.hash {
                    return .broken(seq: entry.seq, id: entry.id, reason: "its content does not match its hash")
                }
                previousHash = entry.hash
                expectedSeq += 1
                count += 1
            }
            if batch.count < batchSize { break }
        }
        let head = try await AuditHead.query(on: db).first()
        if let head, head.seq != expectedSeq - 1 || head.hash != previousHash {
            return .broken(seq: expectedSeq, id: nil, reason: "the log ends before the recorded head (entries removed)")
        }
        return .intact(entries: count)
    }
}
