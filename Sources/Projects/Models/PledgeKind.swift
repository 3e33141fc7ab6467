import Fluent
import Platform
import Vapor

/// Money, goods or skills.
public enum PledgeKind: String, CaseIterable, Codable, Sendable {
    case money
    case inKind = "in_kind"
    case skills
}
