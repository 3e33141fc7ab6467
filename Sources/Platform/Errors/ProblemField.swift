import Fluent
import Vapor

struct ProblemField: Codable, Equatable {
    var field: String
    var message: String
}
