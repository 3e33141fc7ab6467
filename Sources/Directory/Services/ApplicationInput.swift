import Fluent
import Platform
import Vapor

/// What an organisation representative submits to join a network.
public struct ApplicationInput: Content, Sendable {
    public var networkID: UUID?
    public var organizationID: UUID?
    public var motivation: String?
    public var accreditationNumber: String?
    public var accreditationDate: String?
    public var domains: [String]?
    public var references: String?

    public init(networkID: UUID? = nil, organizationID: UUID? = nil, motivation: String? = nil,
                accreditationNumber: String? = nil, accreditationDate: String? = nil, domains: [String]? = nil,
                references: String? = nil) {
        self.networkID = networkID
        self.organizationID = organizationID
        self.motivation = motivation
        self.accreditationNumber = accreditationNumber
        self.accreditationDate = accreditationDate
        self.domains = domains
        self.references = references
    }
}
