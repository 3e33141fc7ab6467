import Platform
import Vapor

/// Errors of the Participation room, with stable codes.
public enum ParticipationError: ShabakaError, Equatable {
    case processNotFound
    case proposalNotFound
    case debateNotFound
    case commentNotFound
    case notOpen(opening: String)
    case outOfScope
    case alreadyEndorsed
    case notEndorsed
    case thresholdReached
    case endorsementLimit(limit: Int)
    case proposalLimit(limit: Int)
    case notTheAuthor
    case notEndorsable
    case textLocked
    case suspended(until: String)
    case tooDeep
    case debateClosed
    case notAnEvaluator
    case alreadyReported
    case secretMissing
    case notTheOrganizer

    public var status: HTTPResponseStatus {
        switch self {
        case .processNotFound, .proposalNotFound, .debateNotFound, .commentNotFound: .notFound
        case .notTheAuthor, .suspended, .notAnEvaluator, .notTheOrganizer: .forbidden
        case .secretMissing: .internalServerError
        case .outOfScope, .tooDeep: .unprocessableEntity
        default: .conflict
        }
    }

    public var code: String {
        switch self {
        case .processNotFound: "participation.process_not_found"
        case .proposalNotFound: "participation.proposal_not_found"
        case .debateNotFound: "participation.debate_not_found"
        case .commentNotFound: "participation.comment_not_found"
        case .notOpen: "participation.not_open"
        case .outOfScope: "participation.out_of_scope"
        case .alreadyEndorsed: "participation.already_endorsed"
        case .notEndorsed: "participation.not_endorsed"
        case .thresholdReached: "participation.threshold_reached"
        case .endorsementLimit: "participation.endorsement_limit"
        case .proposalLimit: "participation.proposal_limit"
        case .notTheAuthor: "participation.not_the_author"
        case .notEndorsable: "participation.not_endorsable"
        case .textLocked: "participation.text_locked"
        case .suspended: "participation.suspended"
        case .tooDeep: "participation.too_deep"
        case .debateClosed: "participation.debate_closed"
        case .notAnEvaluator: "participation.not_an_evaluator"
        case .alreadyReported: "participation.already_reported"
        case .secretMissing: "participation.secret_missing"
        case .notTheOrganizer: "participation.not_the_organizer"
        }
    }

    public var messageKey: String { "error." + code }

    public var messageArguments: [String] {
        switch self {
        case .endorsementLimit(let limit), .proposalLimit(let limit): ["\(limit)"]
        case .suspended(let until): [until]
        default: []
        }
    }

    public func localizedArguments(_ text: (String) -> String) -> [String] {
        if case .notOpen(let opening) = self { return [text("participation.opening." + opening)] }
        return messageArguments
    }

    public var fieldErrors: [FieldError] {
        switch self {
        case .outOfScope: [FieldError("wilaya_code", "validation.out_of_scope")]
        case .tooDeep: [FieldError("parent_id", "validation.too_deep")]
        default: []
        }
    }
}
