import Fluent
import Platform
import Vapor

/// Mid-term or final.
public enum EvaluationPhase: String, CaseIterable, Codable, Sendable {
    case midTerm = "mid_term"
    case final
}
