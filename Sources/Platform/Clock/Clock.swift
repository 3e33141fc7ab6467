import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The time source of the app, swappable so tests can control deadlines and throttling windows.
public protocol ShabakaClock: Sendable {
    func now() -> Date
}

public struct SystemClock: ShabakaClock {
    public init() {}
    public func now() -> Date { Date() }
}

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

extension Application {
    private struct ClockKey: StorageKey { typealias Value = any ShabakaClock }
    public var clock: any ShabakaClock {
        get { storage[ClockKey.self] ?? SystemClock() }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    public var now: Date { application.clock.now() }
}
