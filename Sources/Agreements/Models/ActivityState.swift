import Fluent
import Platform
import Vapor

public enum ActivityState: String, CaseIterable, Codable, Sendable {
    case planned
    case inProgress = "in_progress"
    case done
    case cancelled
}
