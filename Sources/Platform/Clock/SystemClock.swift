import Foundation
import NIOConcurrencyHelpers
import Vapor

public struct SystemClock: ShabakaClock {
    public init() {}
    public func now() -> Date { Date() }
}
