import Fluent
import Platform
import Vapor

public enum DifficultySeverity: String, CaseIterable, Codable, Sendable {
    case low, medium, high, critical
}
