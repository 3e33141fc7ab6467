import Fluent
import Vapor

/// Vapor's `SessionDriver` on the `sessions` table.
///
/// Unlike Fluent's driver it never creates a row for an unknown cookie (`SessionGate` drops such a cookie
/// before Vapor's middleware sees it), records who is signed in, ends sessions after an idle and an
/// absolute timeout, and writes on a page view only when the data changed or once a minute to keep the
/// idle clock running.
struct SessionStore: SessionDriver {
    /// How often an unchanged session's `last_seen_at` is refreshed.
    static let touchInterval: TimeInterval = 60

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeFutureWithTask {
            let key = CSRF.randomToken()
            let record = StoredSession(keyHash: Self.hash(key), data: data.snapshot, userID: Self.userID(in: data),
                                       at: request.now)
            try await record.create(on: request.db)
            return SessionID(string: key)
        }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        request.eventLoop.makeFutureWithTask {
            guard let record = try await Self.live(sessionID, for: request) else { return nil }
            return SessionData(initialData: record.data)
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        request.eventLoop.makeFutureWithTask {
            let now = request.now
            guard let record = try await Self.live(sessionID, for: request) else {
                // Ended while this request ran (a password reset, an erasure): never revive it. The cookie names
                // nothing now, and the next request drops it.
                return sessionID
            }
            let snapshot = data.snapshot
            guard snapshot != record.data || now.timeIntervalSince(record.lastSeenAt) >= Self.touchInterval else {
                return sessionID
            }
            record.data = snapshot
            record.userID = Self.userID(in: data)
            record.lastSeenAt = now
            try await record.update(on: request.db)
            return sessionID
        }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        request.eventLoop.makeFutureWithTask {
            try await StoredSession.query(on: request.db).filter(\.$keyHash == Self.hash(sessionID.string)).delete()
            request.storage[SessionGate.LoadedKey.self] = nil
        }
    }

    /// The session's row if it exists and has not expired (read once per request, kept by `SessionGate`).
    static func live(_ sessionID: SessionID, for request: Request) async throws -> StoredSession? {
        if let loaded = request.storage[SessionGate.LoadedKey.self], loaded.keyHash == hash(sessionID.string) {
            return loaded
        }
        let limits = request.application.shabakaConfig.sessionLimits
        guard let record = try await StoredSession.query(on: request.db).filter(\.$keyHash == hash(sessionID.string))
            .first(), !record.isExpired(at: request.now, limits: limits)
        else { return nil }
        request.storage[SessionGate.LoadedKey.self] = record
        return record
    }

    static func hash(_ key: String) -> String { APIToken.digest(key) }

    static func userID(in data: SessionData) -> UUID? {
        data[UserAuthenticator.sessionKey].flatMap(UUID.init(uuidString:))
    }
}
