import Fluent
import Vapor

/// How long a session lives: `SHABAKA_SESSION_IDLE_MINUTES` without a request, `SHABAKA_SESSION_MAX_HOURS` at most.
public struct SessionLimits: Sendable, Equatable {
    public var idle: TimeInterval
    public var lifetime: TimeInterval

    public init(idle: TimeInterval, lifetime: TimeInterval) {
        self.idle = idle
        self.lifetime = lifetime
    }

    public static let standard = SessionLimits(idle: 120 * 60, lifetime: 7 * 24 * 3600)
}
