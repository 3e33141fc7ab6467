import Fluent
import Platform
import Vapor

/// What kind of knowledge a person brings.
public enum PersonProfileKind: String, CaseIterable, Codable, Sendable {
    case member, expert, academic, specialist
}
