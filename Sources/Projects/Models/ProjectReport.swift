import Fluent
import Platform
import Vapor

/// A follow-up report of one period: narrative, milestones and the project's figures.
public final class ProjectReport: Model, PeriodSorted, @unchecked Sendable {
    public static let schema = "project_reports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "period") public var period: String
    /// The period's place in time (`ReportingPeriod.sortKey`, kept by `PeriodSortMiddleware`): lists sort by it,
    /// never by the period's text.
    @Field(key: "period_sort") public var periodSort: Int
    @Field(key: "narrative") public var narrative: String
    @Field(key: "milestones") public var milestones: String
    @Field(key: "jobs_created") public var jobsCreated: Int
    @Field(key: "jobs_created_breakdown") public var jobsCreatedBreakdown: Breakdown
    @Field(key: "jobs_sustained") public var jobsSustained: Int
    @Field(key: "jobs_sustained_breakdown") public var jobsSustainedBreakdown: Breakdown
    @Field(key: "beneficiaries") public var beneficiaries: Int
    @Field(key: "revenue_minor") public var revenueMinor: Int64
    @Field(key: "volunteers") public var volunteers: Int
    @OptionalField(key: "author_id") public var authorID: UUID?
    @Field(key: "author_name") public var authorName: String
    @Field(key: "filed_at") public var filedAt: Date

    public init() {}

    /// Sets the period and its place in time together.
    public func setPeriod(_ period: ReportingPeriod) {
        self.period = period.text
        periodSort = period.sortKey
    }
}
