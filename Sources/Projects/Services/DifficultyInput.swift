import Directory
import Fluent
import Platform
import Vapor

/// A difficulty as reported (`POST /api/v1/projects/{id}/difficulties`).
public struct DifficultyInput: Content, Sendable {
    public var category: String?
    public var severity: String?
    public var title: String?
    public var description: String?
    public init() {}
}
