import Platform
import Vapor

/// Errors of polls and assemblies, with stable codes; each refusal of a vote names the rule it broke.
public enum PollError: ShabakaError, Equatable {
    case pollNotFound
    case assemblyNotFound
    case notTheOrganizer
    case notYetOpen
    case closed
    case started
    case notClosed
    case abstainNotAllowed
    case oneChoice
    case noChoice
    case unknownOption
    case repeatedOption
    case notAMember
    case notARepresentative
    case delegationToSelf
    case delegationCycle(chain: String)
    case noDelegation
    case resultsAtClose

    public var status: HTTPResponseStatus {
        switch self {
        case .pollNotFound, .assemblyNotFound, .noDelegation: .notFound
        case .notTheOrganizer, .notAMember, .notARepresentative: .forbidden
        case .abstainNotAllowed, .oneChoice, .noChoice, .unknownOption, .repeatedOption, .delegationToSelf,
             .delegationCycle: .unprocessableEntity
        default: .conflict
        }
    }

    public var code: String {
        switch self {
        case .pollNotFound: "poll.not_found"
        case .assemblyNotFound: "assembly.not_found"
        case .notTheOrganizer: "poll.not_the_organizer"
        case .notYetOpen: "poll.not_yet_open"
        case .closed: "poll.closed"
        case .started: "poll.started"
        case .notClosed: "poll.not_closed"
        case .abstainNotAllowed: "poll.abstain_not_allowed"
        case .oneChoice: "poll.one_choice"
        case .noChoice: "poll.no_choice"
        case .unknownOption: "poll.unknown_option"
        case .repeatedOption: "poll.repeated_option"
        case .notAMember: "assembly.not_a_member"
        case .notARepresentative: "assembly.not_a_representative"
        case .delegationToSelf: "assembly.delegation_to_self"
        case .delegationCycle: "assembly.delegation_cycle"
        case .noDelegation: "assembly.no_delegation"
        case .resultsAtClose: "poll.results_at_close"
        }
    }

    public var messageKey: String { "error." + code }

    public var messageArguments: [String] {
        if case .delegationCycle(let chain) = self { return [chain] }
        return []
    }

    public var fieldErrors: [FieldError] {
        switch self {
        case .abstainNotAllowed: [field("abstain")]
        case .oneChoice, .noChoice, .unknownOption, .repeatedOption: [field("choices")]
        case .delegationToSelf, .delegationCycle: [field("to_organization_id")]
        case .notAMember, .notARepresentative: [field("organization_id")]
        default: []
        }
    }

    func field(_ name: String) -> FieldError {
        var error = FieldError(name, messageKey)
        error.arguments = messageArguments
        return error
    }
}
