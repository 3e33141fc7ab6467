import Fluent
import Vapor

/// What a service needs to do its work, and nothing else: the database, the time, and how to write to people.
/// Services take it (with the acting person) instead of a `Request`, so a command or a test calls them too.
public struct ServiceContext: Sendable {
    public let db: any Database
    public let now: Date
    public let messaging: Messaging

    public init(db: any Database, now: Date, messaging: Messaging) {
        self.db = db
        self.now = now
        self.messaging = messaging
    }

    /// The same context on another connection (inside a transaction).
    public func on(_ db: any Database) -> ServiceContext {
        ServiceContext(db: db, now: now, messaging: messaging)
    }

    /// Tells people about something, in the app and by e-mail (``Notifier``), at this context's time.
    public func notify(
        _ userIDs: [UUID], _ messageKey: String, arguments: [String] = [], localized: [Translated] = [], link: String
    ) async throws {
        try await Notifier.notify(userIDs: userIDs, messageKey: messageKey, arguments: arguments, localized: localized,
                                  link: link, on: db, catalog: messaging.catalog, baseURL: messaging.baseURL, at: now)
    }
}

extension Request {
    /// The request's database, time and messaging, for a service.
    public var service: ServiceContext { ServiceContext(db: db, now: now, messaging: messaging) }
}

extension Application {
    /// The application's database, the time now and its messaging, for a service called from a command.
    public var service: ServiceContext { ServiceContext(db: db, now: clock.now(), messaging: messaging) }
}
