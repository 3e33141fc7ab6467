import Directory
import Fluent
import Platform
import Vapor

public struct ReportDTO: Content {
    public let id: UUID
    public let period: String
    public let narrative: String
    public let milestones: String
    public let jobsCreated: Int
    public let jobsCreatedBreakdown: Breakdown
    public let jobsSustained: Int
    public let jobsSustainedBreakdown: Breakdown
    public let beneficiaries: Int
    public let revenueMinor: Int64
    public let volunteers: Int
    public let author: String
    public let filedAt: Date

    init(_ report: ProjectReport, authors: AuthorNames) throws {
        id = try report.requireID()
        period = report.period
        narrative = report.narrative
        milestones = report.milestones
        jobsCreated = report.jobsCreated
        jobsCreatedBreakdown = report.jobsCreatedBreakdown
        jobsSustained = report.jobsSustained
        jobsSustainedBreakdown = report.jobsSustainedBreakdown
        beneficiaries = report.beneficiaries
        revenueMinor = report.revenueMinor
        volunteers = report.volunteers
        author = authors.name(of: report.authorID, stored: report.authorName)
        filedAt = report.filedAt
    }
}
