import NIOConcurrencyHelpers
import Vapor

/// Bcrypt hashing off the event loop (a cost-12 hash takes a quarter of a second).
public struct Passwords: Sendable {
    let application: Application

    public init(_ application: Application) {
        self.application = application
    }

    public func hash(_ password: String) async throws -> String {
        let hasher = application.password.sync
        return try await application.threadPool.runIfActive { try hasher.hash(password) }
    }

    /// Checks a password against no account at the same cost as a real check, so that timing does not tell
    /// whether an address has an account. The hash (of a random password, at the configured cost) is made once.
    public func verifyAgainstNobody(_ password: String) async throws {
        let box = application.dummyHash
        let hasher = application.password.sync
        let digest: String = try await application.threadPool.runIfActive {
            try box.withLockedValue { stored in
                if let stored { return stored }
                let made = try hasher.hash(CSRF.randomToken())
                stored = made
                return made
            }
        }
        _ = try await verify(password, created: digest)
    }

    public func verify(_ password: String, created digest: String) async throws -> Bool {
        let hasher = application.password.sync
        return try await application.threadPool.runIfActive { try hasher.verify(password, created: digest) }
    }
}

extension Request {
    public var passwords: Passwords { Passwords(application) }
}

extension Application {
    private struct DummyHashKey: StorageKey { typealias Value = NIOLockedValueBox<String?> }

    /// Set up by `PlatformRoom.configure`; filled on first use.
    var dummyHash: NIOLockedValueBox<String?> {
        get { storage[DummyHashKey.self] ?? NIOLockedValueBox(nil) }
        set { storage[DummyHashKey.self] = newValue }
    }
}
