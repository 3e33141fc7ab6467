import Directory
import Fluent
import Platform
import Vapor

/// An expertise request as `POST /api/v1/expertise-requests` submits it.
public struct ExpertiseInput: Content, Sendable {
    public var organizationID: UUID?
    public var projectID: UUID?
    public var domainCode: String?
    public var wilayaCode: String?
    public var language: String?
    public var subject: String?
    public var description: String?
    public init() {}
}
