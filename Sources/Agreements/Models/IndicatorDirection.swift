import Fluent
import Platform
import Vapor

/// Whether a higher or a lower value is progress.
public enum IndicatorDirection: String, CaseIterable, Codable, Sendable {
    case increase, decrease
}
