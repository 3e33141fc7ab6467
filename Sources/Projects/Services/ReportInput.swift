import Agreements
import Directory
import Fluent
import Platform
import Vapor

/// A follow-up report as the form and `POST /api/v1/projects/{id}/reports` submit it.
public struct ReportInput: Content, Sendable {
    public var period: String?
    public var narrative: String?
    public var milestones: String?
    public var jobsCreated: Int?
    public var jobsCreatedBreakdown: Breakdown?
    public var jobsSustained: Int?
    public var jobsSustainedBreakdown: Breakdown?
    public var beneficiaries: Int?
    public var revenueMinor: Int64?
    public var volunteers: Int?

    public init() {}
}
