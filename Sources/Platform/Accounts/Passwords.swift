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

    public func verify(_ password: String, created digest: String) async throws -> Bool {
        let hasher = application.password.sync
        return try await application.threadPool.runIfActive { try hasher.verify(password, created: digest) }
    }
}

extension Request {
    public var passwords: Passwords { Passwords(application) }
}
