import Fluent
import Foundation

/// The single row holding the last sequence number and hash.
final class AuditHead: Model, @unchecked Sendable {
    static let schema = "audit_head"
    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "seq") var seq: Int64
    @Field(key: "hash") var hash: String
    init() {}
    init(id: Int, seq: Int64, hash: String) {
        self.id = id
        self.seq = seq
        self.hash = hash
    }
}
