import Platform
import Vapor

/// Errors of surveys and consultations, with stable codes.
public enum SurveyError: ShabakaError, Equatable {
    case surveyNotFound
    case notTheOrganizer
    case notOpen
    case alreadyAnswered
    case linkInvalid
    case resultsNotPublished(closesOn: String?)

    public var status: HTTPResponseStatus {
        switch self {
        case .surveyNotFound: .notFound
        case .notTheOrganizer, .linkInvalid, .resultsNotPublished: .forbidden
        case .notOpen, .alreadyAnswered: .conflict
        }
    }

    public var code: String {
        switch self {
        case .surveyNotFound: "survey.not_found"
        case .notTheOrganizer: "survey.not_the_organizer"
        case .notOpen: "survey.not_open"
        case .alreadyAnswered: "survey.already_answered"
        case .linkInvalid: "survey.link_invalid"
        case .resultsNotPublished(let closesOn): closesOn == nil ? "survey.results_at_close" : "survey.results_on"
        }
    }

    public var messageKey: String { "error." + code }

    public var messageArguments: [String] {
        if case .resultsNotPublished(let closesOn?) = self { return [closesOn] }
        return []
    }
}
