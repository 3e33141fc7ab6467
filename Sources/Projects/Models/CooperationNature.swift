import Fluent
import Platform
import Vapor

/// Kinds of international cooperation.
public enum CooperationNature: String, CaseIterable, Codable, Sendable {
    case funding, technical
    case capacityBuilding = "capacity_building"
    case networking, research
}
