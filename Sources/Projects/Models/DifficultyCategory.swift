import Fluent
import Platform
import Vapor

/// What kind of difficulty a project meets.
public enum DifficultyCategory: String, CaseIterable, Codable, Sendable {
    case funding, administrative, legal, skills
    case marketAccess = "market_access"
    case partnership, other
}
