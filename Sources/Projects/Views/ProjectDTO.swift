import Directory
import Fluent
import Platform
import Vapor

/// A project in full, as the API's `GET /api/v1/projects/{id}` answers.
public struct ProjectDTO: Content {
    public let id: UUID
    public let slug: String
    public let organization: OrganizationRef
    public let title: Translated
    public let summary: Translated
    public let socialNeed: Translated
    public let beneficiaries: String
    public let domainCode: String
    public let wilayaCode: String
    public let budgetMinor: Int64
    public let currency: String
    public let funding: [FundingSource]
    public let partners: String
    public let startsOn: String
    public let endsOn: String
    public let expectedJobs: Int
    public let state: String
    public let history: [WorkflowStepView]
    /// In time order (`ReportingPeriod`: `2025-12`, `2026-01`, `2026-Q1`… never `2026-10` before `2026-Q1`).
    public let reports: [ReportDTO]
    /// Jobs created and revenue summed over the reports; jobs sustained, beneficiaries and volunteers from the
    /// latest report (see `ReportTotals`).
    public let totals: ReportTotals
    public let difficulties: [BoardRow]
    public let evaluations: [EvaluationDTO]
    public let pledges: [PledgeDTO]
    public let cooperation: [CooperationDTO]
    /// Where the project came from when another room made it (an accepted citizens' proposal).
    public let origin: Origin?

    public struct Origin: Content {
        public let kind: String
        public let id: UUID
        public let title: String
    }

    public struct OrganizationRef: Content {
        public let id: UUID
        public let slug: String
        public let name: Translated
    }

    static func load(_ project: Project, on db: any Database, now: Date, reader: Reader) async throws -> ProjectDTO {
        let id = try project.requireID()
        let organization = try await Organization.find(project.organizationID, on: db)
        // In time order (`ReportingPeriod`), never by the period's text.
        let reports = try await ProjectReport.query(on: db).filter(\.$projectID == id).sort(\.$periodSort).sort(\.$period).all()
        let difficulties = try await Difficulty.query(on: db).filter(\.$projectID == id).sort(\.$reportedAt).all()
        let evaluations = try await Evaluation.query(on: db).filter(\.$projectID == id).sort(\.$phase, .descending).all()
        let pledges = try await CSRPledge.query(on: db).filter(\.$projectID == id).all()
        let links = try await CooperationLink.query(on: db).filter(\.$projectID == id).all()
        let authors = try await reader.authorNames(reports.map(\.authorID) + evaluations.map(\.evaluatorID), on: db)
        return ProjectDTO(
            id: id, slug: project.slug,
            organization: OrganizationRef(id: project.organizationID, slug: organization?.slug ?? "",
                                          name: organization?.name ?? Translated()),
            title: project.title, summary: project.summary, socialNeed: project.socialNeed, beneficiaries: project.beneficiaries,
            domainCode: project.domainCode, wilayaCode: project.wilayaCode, budgetMinor: project.budgetMinor,
            currency: project.currency, funding: project.funding, partners: project.partners, startsOn: project.startsOn,
            endsOn: project.endsOn, expectedJobs: project.expectedJobs, state: project.state.rawValue,
            history: try await WorkflowStepView.history(workflow: "project", subjectID: id, on: db),
            reports: try reports.map { try ReportDTO($0, authors: authors) }, totals: ReportTotals(reports),
            difficulties: try difficulties.map { try BoardRow($0, of: project, now: now) },
            evaluations: try evaluations.map { try EvaluationDTO($0, authors: authors) }, pledges: try pledges.map { try PledgeDTO($0) },
            cooperation: try await CooperationDTO.list(links, on: db),
            origin: project.originKind.flatMap { kind in
                project.originID.map { Origin(kind: kind, id: $0, title: project.originTitle ?? "") } })
    }
}
