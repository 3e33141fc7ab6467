import Fluent
import Vapor

/// Who did something: a person, or the system itself (CLI, demo loader, background jobs).
public struct AuditActor: Sendable {
    public var id: UUID?
    public var label: String

    public static let system = AuditActor(id: nil, label: "system")

    public init(id: UUID?, label: String) {
        self.id = id
        self.label = label
    }

    /// People appear in the log by id only, so erasing an account's identity leaves no name or
    /// e-mail behind in the (unchangeable) chain.
    public init(_ user: CurrentUser) {
        self.init(userID: user.id)
    }

    public init(userID: UUID) {
        self.init(id: userID, label: "user")
    }
}
