import Fluent
import Platform
import Vapor

/// An evaluation as `POST /api/v1/projects/{id}/evaluations` submits it.
public struct EvaluationInput: Content, Sendable {
    public var phase: String?
    public var scores: [String: Int]?
    public var findings: String?
    public var recommendations: String?
    public var evaluatedOn: String?
    public init() {}
}
