import Fluent
import Vapor

public struct AuditBroken: Error, CustomStringConvertible {
    public var seq: Int64
    public var description: String { "audit log broken at entry \(seq)" }
}
