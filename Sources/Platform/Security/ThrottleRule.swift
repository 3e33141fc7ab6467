import Fluent
import SQLKit
import Vapor

/// A limit on attempts: at most `limit` within `window` seconds (a fixed window that starts at the first one).
public struct ThrottleRule: Sendable, Equatable {
    public var limit: Int
    public var window: TimeInterval

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }
}
