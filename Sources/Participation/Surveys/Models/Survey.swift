import Fluent
import Platform
import Vapor

/// A survey or consultation: questions asked of citizens, answered once per person (or through an anonymous link),
/// optionally within a participatory process. Its texts are written in one language (`language`), which pages
/// mark on them.
public final class Survey: Model, @unchecked Sendable {
    public static let schema = "surveys"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date

    // data fields
    /// The process it belongs to; nil: a survey of the network itself, organised by its staff.
    @OptionalField(key: "process_id") public var processID: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "description") public var details: String
    /// `ar`, `fr` or `en`: the language its title, description, questions and options are written in.
    @Field(key: "language") public var language: String
    @Enum(key: "state") public var state: SurveyState
    @Enum(key: "results_visibility") public var resultsVisibility: SurveyResultsVisibility
    /// The secret of the anonymous link (64 hex characters); nil when the organiser did not allow one.
    @OptionalField(key: "link_token") public var linkToken: String?
    /// First and last day answers are taken (`yyyy-MM-dd`, both included); nil: from opening, until closing.
    @OptionalField(key: "opens_on") public var opensOn: String?
    @OptionalField(key: "closes_on") public var closesOn: String?
    /// Space-padded search terms of the title and description (``ArabicText/searchTerms(_:)``).
    @Field(key: "search_terms") public var searchTerms: String
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @OptionalField(key: "opened_at") public var openedAt: Date?
    @OptionalField(key: "closed_at") public var closedAt: Date?

    public init() {}

    /// The language of its texts, for `lang` and `dir` on the page.
    public var textLanguage: SiteLanguage { SiteLanguage(rawValue: language) ?? .default }

    /// Open and within its dates on `day` (`yyyy-MM-dd`).
    public func isAccepting(on day: String) -> Bool {
        guard state == .open else { return false }
        if let opensOn, day < opensOn { return false }
        if let closesOn, day > closesOn { return false }
        return true
    }

    /// Closed, or open past its last day (nobody can answer any more, so its results are final).
    public func isOver(on day: String) -> Bool {
        switch state {
        case .closed: true
        case .open: closesOn.map { day > $0 } ?? false
        case .draft: false
        }
    }

    /// Whether everyone may read its results on `day` (organisers always may).
    public func resultsArePublic(on day: String) -> Bool {
        switch resultsVisibility {
        case .live: state != .draft
        case .atClose: isOver(on: day)
        }
    }
}

/// A survey's procedure: prepared as a draft, open to answers, closed.
public enum SurveyState: String, WorkflowState {
    case draft, open, closed
}

/// When the results are published: while answers come in, or once the survey is over.
public enum SurveyResultsVisibility: String, CaseIterable, Codable, Sendable {
    case live
    case atClose = "at_close"
}
