import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

struct HealthStatus: Content {
    var status: String
    var waitingFor: [String]?
}
