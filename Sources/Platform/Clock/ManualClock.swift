import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A clock tests move by hand.
public final class ManualClock: ShabakaClock {
    private let current: NIOLockedValueBox<Date>
    public init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        current = .init(start)
    }
    public func now() -> Date { current.withLockedValue { $0 } }
    public func advance(by seconds: TimeInterval) {
        current.withLockedValue { $0.addTimeInterval(seconds) }
    }
}
