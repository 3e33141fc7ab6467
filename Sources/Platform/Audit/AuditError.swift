import Crypto
import Fluent
import Foundation
import SQLKit

public enum AuditError: Error, CustomStringConvertible {
    case headMissing
    public var description: String { "audit_head row is missing: run the migrations" }
}
