import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// A pledge as `POST /api/v1/csr-pledges` submits it (value in minor units).
public struct PledgeInput: Content, Sendable {
    public var companyID: UUID?
    public var projectID: UUID?
    public var kind: String?
    public var description: String?
    public var valueMinor: Int64?
    public var currency: String?
    public var pledgedOn: String?
    public init() {}
}
