import Fluent
import Platform
import Vapor

/// Where a project stands in its procedure (see ``ProjectWorkflows/project``).
public enum ProjectState: String, WorkflowState {
    case draft, submitted
    case underReview = "under_review"
    case approved, rejected
    case inProgress = "in_progress"
    case suspended, completed, evaluated
}

/// One source of a project's funding, in minor units (centimes) of the project's currency.
public struct FundingSource: Codable, Sendable, Equatable {
    public var source: String
    public var amountMinor: Int64

    /// Spelled out: these keys are also how the sources are stored in the database (a JSON column).
    enum CodingKeys: String, CodingKey { case source, amountMinor = "amount_minor" }

    public init(source: String, amountMinor: Int64) {
        self.source = source
        self.amountMinor = amountMinor
    }

    /// Reads a stored row (`amount_minor`) and an API body alike: the API's decoder has already turned
    /// `amount_minor` into `amountMinor` (``JSONKeys``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKeys.Key.self)
        source = try container.decode(String.self, forKey: JSONKeys.Key(stringValue: "source"))
        let amount = JSONKeys.Key(stringValue: "amountMinor")
        amountMinor = try container.decode(Int64.self, forKey: container.contains(amount) ? amount
                                           : JSONKeys.Key(stringValue: "amount_minor"))
    }
}

/// A social and solidarity economy project of a member association.
public final class Project: Model, @unchecked Sendable {
    public static let schema = "projects"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "slug") public var slug: String
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "title") public var title: Translated
    @Field(key: "summary") public var summary: Translated
    @Field(key: "social_need") public var socialNeed: Translated
    @Field(key: "beneficiaries") public var beneficiaries: String
    @Field(key: "domain_code") public var domainCode: String
    @Field(key: "wilaya_code") public var wilayaCode: String
    @Field(key: "budget_minor") public var budgetMinor: Int64
    @Field(key: "currency") public var currency: String
    @Field(key: "funding") public var funding: [FundingSource]
    @Field(key: "partners") public var partners: String
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "ends_on") public var endsOn: String
    @Field(key: "expected_jobs") public var expectedJobs: Int
    @Enum(key: "state") public var state: ProjectState
    @OptionalField(key: "created_by") public var createdBy: UUID?

    public init() {}
}

/// Figures split by a dimension: `{"sex": {"f": 3, "m": 4}, "age_group": {…}}`.
public typealias Breakdown = [String: [String: Double]]

/// A follow-up report of one period: narrative, milestones and the project's figures.
public final class ProjectReport: Model, @unchecked Sendable {
    public static let schema = "project_reports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "period") public var period: String
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
}

/// A figure of the reports that can feed a strategy indicator.
public enum ReportMetric: String, CaseIterable, Codable, Sendable {
    case jobsCreated = "jobs_created"
    case jobsSustained = "jobs_sustained"
    case beneficiaries, volunteers
}

/// "This indicator is measured by the sum of that figure over the projects' follow-up reports."
public final class IndicatorFeed: Model, @unchecked Sendable {
    public static let schema = "indicator_feeds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "indicator_id") public var indicatorID: UUID
    @Enum(key: "metric") public var metric: ReportMetric

    public init() {}

    public init(indicatorID: UUID, metric: ReportMetric) {
        self.indicatorID = indicatorID
        self.metric = metric
    }
}

/// The six OECD-DAC evaluation criteria.
public enum DACCriterion: String, CaseIterable, Codable, Sendable {
    case relevance, coherence, effectiveness, efficiency, impact, sustainability
}

/// Mid-term or final.
public enum EvaluationPhase: String, CaseIterable, Codable, Sendable {
    case midTerm = "mid_term"
    case final
}

/// An evaluation against the OECD-DAC criteria, scored on the published scale ``EvaluationScale``.
public final class Evaluation: Model, @unchecked Sendable {
    public static let schema = "project_evaluations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Enum(key: "phase") public var phase: EvaluationPhase
    @Field(key: "scores") public var scores: [String: Int]
    /// The sum of the six scores, kept so that lists sort by the average in the database.
    @OptionalField(key: "score_total") public var scoreTotal: Int?
    @Field(key: "findings") public var findings: String
    @Field(key: "recommendations") public var recommendations: String
    @OptionalField(key: "evaluator_id") public var evaluatorID: UUID?
    @Field(key: "evaluator_name") public var evaluatorName: String
    @Field(key: "evaluated_on") public var evaluatedOn: String

    public init() {}

    /// Sets the scores and their total.
    public func score(_ scores: [String: Int]) {
        self.scores = scores
        scoreTotal = DACCriterion.allCases.compactMap { scores[$0.rawValue] }.reduce(0, +)
    }

    /// The mean score over the six criteria.
    public var average: Double {
        let values = DACCriterion.allCases.compactMap { scores[$0.rawValue] }
        return values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count)
    }
}

/// The published scoring scale: 1 to 4.
public enum EvaluationScale {
    public static let range = 1...4
}

/// Kinds of international cooperation.
public enum CooperationNature: String, CaseIterable, Codable, Sendable {
    case funding, technical
    case capacityBuilding = "capacity_building"
    case networking, research
}

/// An international partner (UN agency, NGO, network) linked to a project or an agreement.
public final class CooperationLink: Model, @unchecked Sendable {
    public static let schema = "cooperation_links"

    @ID(key: .id) public var id: UUID?
    @Field(key: "partner_id") public var partnerID: UUID
    @OptionalField(key: "project_id") public var projectID: UUID?
    @OptionalField(key: "agreement_id") public var agreementID: UUID?
    @Enum(key: "nature") public var nature: CooperationNature
    @Field(key: "description") public var summary: String
    @Field(key: "since") public var since: String

    public init() {}
}

extension Project: SlugAddressed {
    public static var slugField: KeyPath<Project, FieldProperty<Project, String>> { \.$slug }
}
