import CSV
import Fluent
import Foundation
import Platform

struct ReferenceDataError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
