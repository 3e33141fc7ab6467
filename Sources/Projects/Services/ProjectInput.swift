import Directory
import Fluent
import Platform
import Vapor

/// A project as the form and `POST /api/v1/projects` submit it (amounts in minor units, centimes).
public struct ProjectInput: Content, Sendable {
    public var slug: String?
    public var organizationID: UUID?
    public var title: Translated?
    public var summary: Translated?
    public var socialNeed: Translated?
    public var beneficiaries: String?
    public var domainCode: String?
    public var wilayaCode: String?
    public var budgetMinor: Int64?
    public var currency: String?
    public var funding: [FundingSource]?
    public var partners: String?
    public var startsOn: String?
    public var endsOn: String?
    public var expectedJobs: Int?

    public init() {}
}
