import Agreements
import Directory
import Fluent
import Platform
import Vapor

/// A cooperation link as `POST /api/v1/cooperation` submits it: a partner, a project or an agreement, the nature.
public struct CooperationInput: Content, Sendable {
    public var partnerID: UUID?
    public var projectID: UUID?
    public var agreementID: UUID?
    public var nature: String?
    public var description: String?
    public var since: String?
    public init() {}
}
