import Fluent
import Platform
import Vapor

/// How available an expert is for requests.
public enum Availability: String, CaseIterable, Codable, Sendable {
    case available, limited, unavailable
}
