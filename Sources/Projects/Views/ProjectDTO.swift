import Directory
import Fluent
import Platform
import Vapor

/// One project in a list (API list item and page card).
public struct ProjectRow: Content {
    public let id: UUID
    public let slug: String
    public let title: Translated
    public let organizationID: UUID
    public let domainCode: String
    public let wilayaCode: String
    public let state: String
    public let budgetMinor: Int64
    public let currency: String

    init(_ project: Project) throws {
        id = try project.requireID()
        slug = project.slug
        title = project.title
        organizationID = project.organizationID
        domainCode = project.domainCode
        wilayaCode = project.wilayaCode
        state = project.state.rawValue
        budgetMinor = project.budgetMinor
        currency = project.currency
    }
}

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

public struct SolutionDTO: Content {
    public let id: UUID
    public let description: String
    public let costMinor: Int64
    public let durationDays: Int
    public let proposer: String
    public let proposedAt: Date
    public let chosen: Bool
}

public struct DifficultyDTO: Content {
    public let id: UUID
    public let projectID: UUID
    public let projectSlug: String
    public let category: String
    public let severity: String
    public let title: String
    public let description: String
    public let state: String
    /// Decided, and the deadline has passed: the worker escalates it within minutes.
    public let overdue: Bool
    public let reportedBy: String
    public let reportedAt: Date
    public let cause: String?
    public let diagnosedBy: String?
    public let diagnosedAt: Date?
    public let solutions: [SolutionDTO]
    public let decision: Decision?
    public let closedNote: String?
    public let closedAt: Date?
    public let history: [WorkflowStepView]

    public struct Decision: Content {
        public let solutionID: UUID?
        public let reason: String?
        public let owner: String?
        public let deadline: String?
        public let decidedBy: String?
        public let decidedAt: Date?
    }

    static func load(_ difficulty: Difficulty, on db: any Database, reader: Reader, now: Date) async throws -> DifficultyDTO {
        let id = try difficulty.requireID()
        let solutions = try await Solution.query(on: db).filter(\.$difficultyID == id).sort(\.$proposedAt).all()
        let project = try await Project.find(difficulty.projectID, on: db)
        let authors = try await reader.authorNames(
            [difficulty.reportedByUserID, difficulty.diagnosedByUserID, difficulty.decidedByUserID]
                + solutions.map(\.proposerID), on: db)
        return DifficultyDTO(
            id: id, projectID: difficulty.projectID, projectSlug: project?.slug ?? "", category: difficulty.category.rawValue,
            severity: difficulty.severity.rawValue, title: difficulty.title, description: difficulty.details,
            state: difficulty.state.rawValue, overdue: difficulty.isOverdue(on: now),
            reportedBy: authors.name(of: difficulty.reportedByUserID, stored: difficulty.reportedBy),
            reportedAt: difficulty.reportedAt, cause: difficulty.cause,
            diagnosedBy: difficulty.diagnosedBy.map { authors.name(of: difficulty.diagnosedByUserID, stored: $0) },
            diagnosedAt: difficulty.diagnosedAt,
            solutions: try solutions.map {
                SolutionDTO(id: try $0.requireID(), description: $0.details, costMinor: $0.costMinor, durationDays: $0.durationDays,
                            proposer: authors.name(of: $0.proposerID, stored: $0.proposerName), proposedAt: $0.proposedAt,
                            chosen: $0.id == difficulty.chosenSolutionID)
            },
            decision: difficulty.decidedAt == nil ? nil : Decision(
                solutionID: difficulty.chosenSolutionID, reason: difficulty.decisionReason, owner: difficulty.decisionOwner,
                deadline: difficulty.decisionDeadline,
                decidedBy: difficulty.decidedBy.map { authors.name(of: difficulty.decidedByUserID, stored: $0) },
                decidedAt: difficulty.decidedAt),
            closedNote: difficulty.closedNote, closedAt: difficulty.closedAt,
            history: try await WorkflowStep.history(workflow: "difficulty", subjectID: id, on: db).map(WorkflowStepView.init))
    }
}

public struct EvaluationDTO: Content {
    public let id: UUID
    public let projectID: UUID
    public let phase: String
    public let scores: [String: Int]
    public let average: Double
    public let findings: String
    public let recommendations: String
    public let evaluator: String
    public let evaluatedOn: String

    init(_ evaluation: Evaluation, authors: AuthorNames) throws {
        id = try evaluation.requireID()
        projectID = evaluation.projectID
        phase = evaluation.phase.rawValue
        scores = evaluation.scores
        average = (evaluation.average * 100).rounded() / 100
        findings = evaluation.findings
        recommendations = evaluation.recommendations
        evaluator = authors.name(of: evaluation.evaluatorID, stored: evaluation.evaluatorName)
        evaluatedOn = evaluation.evaluatedOn
    }
}

public struct PledgeDTO: Content {
    public let id: UUID
    public let companyID: UUID
    public let projectID: UUID?
    public let kind: String
    public let description: String
    public let valueMinor: Int64
    public let deliveredMinor: Int64
    public let currency: String
    public let fulfilment: Double
    public let state: String
    public let pledgedOn: String
    public let deliveries: [Delivery]?

    public struct Delivery: Content {
        public let deliveredOn: String
        public let valueMinor: Int64
        public let note: String
    }

    init(_ pledge: CSRPledge, deliveries: [CSRDelivery]? = nil) throws {
        id = try pledge.requireID()
        companyID = pledge.companyID
        projectID = pledge.projectID
        kind = pledge.kind.rawValue
        description = pledge.details
        valueMinor = pledge.valueMinor
        deliveredMinor = pledge.deliveredMinor
        currency = pledge.currency
        fulfilment = (pledge.fulfilment * 10).rounded() / 10
        state = pledge.state.rawValue
        pledgedOn = pledge.pledgedOn
        self.deliveries = deliveries?.map { Delivery(deliveredOn: $0.deliveredOn, valueMinor: $0.valueMinor, note: $0.note) }
    }
}

public struct CooperationDTO: Content {
    public let id: UUID
    public let partnerID: UUID
    public let partner: Translated
    public let projectID: UUID?
    public let agreementID: UUID?
    public let nature: String
    public let description: String
    public let since: String

    static func list(_ links: [CooperationLink], on db: any Database) async throws -> [CooperationDTO] {
        let partners = try await Organization.query(on: db).filter(\.$id ~~ Set(links.map(\.partnerID))).all()
        let names = Dictionary(uniqueKeysWithValues: partners.compactMap { partner in partner.id.map { ($0, partner.name) } })
        return try links.map {
            CooperationDTO(id: try $0.requireID(), partnerID: $0.partnerID, partner: names[$0.partnerID] ?? Translated(),
                           projectID: $0.projectID, agreementID: $0.agreementID, nature: $0.nature.rawValue,
                           description: $0.summary, since: $0.since)
        }
    }
}

/// Totals of a project's reports.
public struct ReportTotals: Content {
    public let jobsCreated: Int
    public let jobsSustained: Int
    public let beneficiaries: Int
    public let revenueMinor: Int64
    public let volunteers: Int

    init(_ reports: [ProjectReport]) {
        // Inputs are bounded, so these sums fit; they are checked all the same (never a trap on stored data).
        jobsCreated = SafeNumber.sum(reports.map(\.jobsCreated)) ?? .max
        jobsSustained = SafeNumber.sum(reports.map(\.jobsSustained)) ?? .max
        // Beneficiaries and volunteers are counted per period: the project reaches its largest count.
        beneficiaries = reports.map(\.beneficiaries).max() ?? 0
        revenueMinor = SafeNumber.sum(reports.map(\.revenueMinor)) ?? .max
        volunteers = reports.map(\.volunteers).max() ?? 0
    }
}

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
    public let reports: [ReportDTO]
    public let totals: ReportTotals
    public let difficulties: [BoardRow]
    public let evaluations: [EvaluationDTO]
    public let pledges: [PledgeDTO]
    public let cooperation: [CooperationDTO]

    public struct OrganizationRef: Content {
        public let id: UUID
        public let slug: String
        public let name: Translated
    }

    static func load(_ project: Project, on db: any Database, now: Date, reader: Reader) async throws -> ProjectDTO {
        let id = try project.requireID()
        let organization = try await Organization.find(project.organizationID, on: db)
        let reports = try await ProjectReport.query(on: db).filter(\.$projectID == id).sort(\.$period).all()
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
            history: try await WorkflowStep.history(workflow: "project", subjectID: id, on: db).map(WorkflowStepView.init),
            reports: try reports.map { try ReportDTO($0, authors: authors) }, totals: ReportTotals(reports),
            difficulties: try difficulties.map { try BoardRow($0, of: project, now: now) },
            evaluations: try evaluations.map { try EvaluationDTO($0, authors: authors) }, pledges: try pledges.map { try PledgeDTO($0) },
            cooperation: try await CooperationDTO.list(links, on: db))
    }
}
