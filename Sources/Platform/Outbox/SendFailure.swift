import Fluent
import Foundation
import Vapor

struct SendFailure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
