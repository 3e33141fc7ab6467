import Fluent
import Platform
import Vapor

/// The published scoring scale: 1 to 4.
public enum EvaluationScale {
    public static let range = 1...4
}
