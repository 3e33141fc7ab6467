import Fluent
import Vapor

/// RFC 9457 problem details, with Shabaka's `code` and `errors` extensions.
struct ProblemDocument: Codable {
    var type: String
    var title: String
    var status: Int
    var code: String
    var detail: String
    var errors: [ProblemField]
}
