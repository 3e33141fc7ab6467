import Fluent
import NIOConcurrencyHelpers
import Vapor

/// One kind of work that waits for someone (applications to review, organisations to verify…): the rooms register
/// theirs while configuring; the administration home lists those the signed-in person may act on.
public struct WorkQueue: Sendable {
    /// One record that waits, as the list shows it.
    public struct Item: Sendable {
        /// A title in several languages, or `text` as its author wrote it.
        public let title: Translated?
        public let text: String?
        /// Path after the language (`membership/applications/…`).
        public let link: String
        public let since: Date?

        public init(title: Translated, link: String, since: Date?) {
            self.title = title
            self.text = nil
            self.link = link
            self.since = since
        }

        public init(text: String, link: String, since: Date?) {
            self.title = nil
            self.text = text
            self.link = link
            self.since = since
        }
    }

    /// `admin.work.<key>` names the queue in the catalogs.
    public let key: String
    /// Who acts on it.
    public let permission: Permission
    /// The oldest waiting records first (up to `limit`), and how many wait in all.
    public let load: @Sendable (_ db: any Database, _ limit: Int, _ now: Date) async throws -> (items: [Item], total: Int)

    public init(key: String, permission: Permission,
                load: @escaping @Sendable (_ db: any Database, _ limit: Int, _ now: Date) async throws -> (items: [Item], total: Int)) {
        self.key = key
        self.permission = permission
        self.load = load
    }
}

/// The rooms' work queues, in the order registered.
public final class WorkQueues: Sendable {
    private let queues = NIOLockedValueBox<[WorkQueue]>([])

    public func register(_ queue: WorkQueue) {
        queues.withLockedValue { $0.append(queue) }
    }

    /// The queues this person may act on.
    public func visible(to user: CurrentUser) -> [WorkQueue] {
        queues.withLockedValue { $0 }.filter { user.may($0.permission) }
    }
}

extension Application {
    private struct WorkQueuesKey: StorageKey { typealias Value = WorkQueues }

    /// What waits for someone, registered by the rooms.
    public var workQueues: WorkQueues {
        if let queues = storage[WorkQueuesKey.self] { return queues }
        let queues = WorkQueues()
        storage[WorkQueuesKey.self] = queues
        return queues
    }
}
