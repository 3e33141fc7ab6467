import Fluent
import NIOConcurrencyHelpers
import Vapor

/// What a room lets people attach documents to: for each kind of record, who may attach, who may read, and the
/// page to go back to. Registered while configuring (`app.attachmentOwners.register`).
public struct AttachmentOwner: Sendable {
    public let type: String
    public let mayAttach: @Sendable (_ user: CurrentUser, _ ownerID: UUID, _ db: any Database) async throws -> Bool
    public let mayRead: @Sendable (_ user: CurrentUser?, _ ownerID: UUID, _ db: any Database) async throws -> Bool
    /// Path after the language of the record's page.
    public let page: @Sendable (_ ownerID: UUID, _ db: any Database) async throws -> String?

    public init(type: String,
                mayAttach: @escaping @Sendable (CurrentUser, UUID, any Database) async throws -> Bool,
                mayRead: @escaping @Sendable (CurrentUser?, UUID, any Database) async throws -> Bool,
                page: @escaping @Sendable (UUID, any Database) async throws -> String?) {
        self.type = type
        self.mayAttach = mayAttach
        self.mayRead = mayRead
        self.page = page
    }
}

public final class AttachmentOwners: Sendable {
    private let owners = NIOLockedValueBox<[String: AttachmentOwner]>([:])

    public func register(_ owner: AttachmentOwner) {
        owners.withLockedValue { $0[owner.type] = owner }
    }

    public func owner(_ type: String) -> AttachmentOwner? {
        owners.withLockedValue { $0[type] }
    }
}

extension Application {
    private struct AttachmentOwnersKey: StorageKey { typealias Value = AttachmentOwners }

    public var attachmentOwners: AttachmentOwners {
        if let owners = storage[AttachmentOwnersKey.self] { return owners }
        let owners = AttachmentOwners()
        storage[AttachmentOwnersKey.self] = owners
        return owners
    }
}
