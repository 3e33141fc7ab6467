import Fluent
import Platform
import Vapor

/// A citizen's or an organisation's proposal in a process.
public final class Proposal: Model, @unchecked Sendable {
    public static let schema = "proposals"

    @ID(key: .id) public var id: UUID?
    @Field(key: "process_id") public var processID: UUID
    @Field(key: "author_id") public var authorID: UUID?
    /// Set when the author proposes for an organisation they represent.
    @OptionalField(key: "organization_id") public var organizationID: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "body") public var body: String
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    @OptionalField(key: "domain_code") public var domainCode: String?
    @Enum(key: "state") public var state: ProposalState
    /// Space-padded search terms of the title and body (``ArabicText/searchTerms(_:)``), for similar proposals.
    @Field(key: "search_terms") public var searchTerms: String
    /// Kept equal to the number of endorsement rows, in the transaction that adds or removes one.
    @Field(key: "endorsement_count") public var endorsementCount: Int
    @Field(key: "comment_count") public var commentCount: Int
    /// 1 for the text as published; each correction after the first endorsement adds one.
    @Field(key: "version") public var version: Int
    @OptionalField(key: "threshold_reached_at") public var thresholdReachedAt: Date?
    @OptionalField(key: "merged_into_id") public var mergedIntoID: UUID?
    @OptionalField(key: "project_id") public var projectID: UUID?
    /// Waiting for a moderator (the process is pre-moderated).
    @Field(key: "pending_moderation") public var pendingModeration: Bool
    @OptionalField(key: "hidden_at") public var hiddenAt: Date?
    @OptionalField(key: "hidden_reason") public var hiddenReason: String?
    // The organiser's answer, kept private until published.
    @OptionalEnum(key: "answer_state") public var answerState: ProposalState?
    @OptionalField(key: "answer_reason") public var answerReason: String?
    @OptionalField(key: "answer_publish_on") public var answerPublishOn: String?
    @OptionalField(key: "answer_published_at") public var answerPublishedAt: Date?
    @OptionalField(key: "answered_by") public var answeredBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "published_at") public var publishedAt: Date?

    public init() {}

    /// Once someone has endorsed it, the text changes only by corrections kept as versions.
    public var isLocked: Bool { endorsementCount > 0 || version > 1 }
}

/// Draft → published → (under study) → accepted / rejected; or withdrawn by its author, or merged into another.
public enum ProposalState: String, WorkflowState {
    case draft, published, evaluating, accepted, rejected, withdrawn, merged
}

/// A text of a proposal as it was before a correction.
public final class ProposalVersion: Model, @unchecked Sendable {
    public static let schema = "proposal_versions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "proposal_id") public var proposalID: UUID
    @Field(key: "version") public var version: Int
    @Field(key: "title") public var title: String
    @Field(key: "body") public var body: String
    /// Why the text changed (the correction's reason), for the version that replaced this one.
    @Field(key: "reason") public var reason: String
    @OptionalField(key: "edited_by") public var editedBy: UUID?
    @Field(key: "edited_at") public var editedAt: Date

    public init() {}
}

/// The organiser's study of a proposal by an assigned evaluator: private notes, cost and feasibility.
public final class ProposalEvaluation: Model, @unchecked Sendable {
    public static let schema = "proposal_evaluations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "proposal_id") public var proposalID: UUID
    @Field(key: "evaluator_id") public var evaluatorID: UUID
    @OptionalField(key: "notes") public var notes: String?
    @OptionalField(key: "cost_minor") public var costMinor: Int64?
    @OptionalEnum(key: "feasibility") public var feasibility: Feasibility?
    @Field(key: "assigned_at") public var assignedAt: Date
    @OptionalField(key: "assigned_by") public var assignedBy: UUID?
    @OptionalField(key: "updated_at") public var updatedAt: Date?

    public init() {}
}

public enum Feasibility: String, CaseIterable, Codable, Sendable {
    case feasible, conditional, unfeasible
}
