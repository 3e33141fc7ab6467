import CSV
import Fluent
import Foundation
import Platform

/// One bad cell of an import file.
public struct ImportProblem: Sendable, Equatable, Codable {
    public let line: Int
    public let field: String
    public let reason: String
}
