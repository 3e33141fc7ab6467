import Platform
import Vapor

/// Errors of the Capacity room, with stable codes; each refusal names the rule it broke.
public enum CapacityError: ShabakaError, Equatable {
    case eventNotFound
    case registrationNotFound
    case certificateNotFound
    case resourceNotFound
    case notTheOrganizer
    case notInAudience
    case registrationClosed
    case alreadyRegistered
    case started
    case notYours
    case notRegistered
    case notStarted
    case notEnded
    case noCertificates
    case unknownSession
    case capacityBelowRegistered(registered: Int)
    case notAContributor
    case notYourResource
    case eventCancelled
    case needNotFound

    public var status: HTTPResponseStatus {
        switch self {
        case .eventNotFound, .registrationNotFound, .certificateNotFound, .resourceNotFound, .needNotFound: .notFound
        case .notTheOrganizer, .notInAudience, .notYours, .notAContributor, .notYourResource: .forbidden
        case .unknownSession, .capacityBelowRegistered: .unprocessableEntity
        default: .conflict
        }
    }

    public var code: String {
        switch self {
        case .eventNotFound: "event.not_found"
        case .registrationNotFound: "event.registration_not_found"
        case .certificateNotFound: "certificate.not_found"
        case .resourceNotFound: "resource.not_found"
        case .notTheOrganizer: "event.not_the_organizer"
        case .notInAudience: "event.not_in_audience"
        case .registrationClosed: "event.registration_closed"
        case .alreadyRegistered: "event.already_registered"
        case .started: "event.started"
        case .notYours: "event.not_your_registration"
        case .notRegistered: "event.not_registered"
        case .notStarted: "event.not_started"
        case .notEnded: "event.not_ended"
        case .noCertificates: "event.no_certificates"
        case .unknownSession: "event.unknown_session"
        case .capacityBelowRegistered: "event.capacity_below_registered"
        case .notAContributor: "resource.not_a_contributor"
        case .eventCancelled: "event.cancelled"
        case .needNotFound: "need.not_found"
        case .notYourResource: "resource.not_yours"
        }
    }

    public var messageKey: String { "error." + code }

    public var messageArguments: [String] {
        if case .capacityBelowRegistered(let registered) = self { return ["\(registered)"] }
        return []
    }

    public var fieldErrors: [FieldError] {
        switch self {
        case .alreadyRegistered: [field("email")]
        case .unknownSession: [field("session")]
        case .capacityBelowRegistered: [field("capacity")]
        default: []
        }
    }

    func field(_ name: String) -> FieldError {
        var error = FieldError(name, messageKey)
        error.arguments = messageArguments
        return error
    }
}
