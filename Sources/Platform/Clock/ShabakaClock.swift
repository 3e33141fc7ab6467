import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The time source of the app, swappable so tests can control deadlines and throttling windows.
public protocol ShabakaClock: Sendable {
    func now() -> Date
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
