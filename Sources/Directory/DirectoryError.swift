import Platform
import Vapor

/// Errors of the Directory room, with stable codes.
public enum DirectoryError: ShabakaError {
    case organizationNotFound
    case applicationNotFound
    case membershipNotFound
    case personNotFound
    case notANetwork
    case notRepresentative
    case notYourApplication
    case applicationAlreadyOpen
    case alreadyMember
    case checklistIncomplete(missing: [String])
    case checklistClosed
    case organizationNotVerified
    case notActingForOrganization
    case alreadyRepresentative
    case representationAlreadyOpen
    case representationNotFound
    case representativeNotFound
    case invitationInvalid
    case invitationForAnotherAddress
    case lastRepresentative

    public var status: HTTPResponseStatus {
        switch self {
        case .organizationNotFound, .applicationNotFound, .membershipNotFound, .personNotFound, .representationNotFound,
             .representativeNotFound: .notFound
        case .notRepresentative, .notYourApplication, .notActingForOrganization, .invitationForAnotherAddress: .forbidden
        case .applicationAlreadyOpen, .alreadyMember, .checklistIncomplete, .checklistClosed, .organizationNotVerified,
             .alreadyRepresentative, .representationAlreadyOpen, .lastRepresentative: .conflict
        case .invitationInvalid: .gone
        case .notANetwork: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .organizationNotFound: "directory.organization_not_found"
        case .applicationNotFound: "directory.application_not_found"
        case .membershipNotFound: "directory.membership_not_found"
        case .personNotFound: "directory.person_not_found"
        case .notANetwork: "directory.not_a_network"
        case .notRepresentative: "directory.not_representative"
        case .notYourApplication: "directory.not_your_application"
        case .applicationAlreadyOpen: "directory.application_already_open"
        case .alreadyMember: "directory.already_member"
        case .checklistIncomplete: "directory.checklist_incomplete"
        case .checklistClosed: "directory.checklist_closed"
        case .organizationNotVerified: "directory.organization_not_verified"
        case .notActingForOrganization: "directory.not_acting_for_organization"
        case .alreadyRepresentative: "directory.already_representative"
        case .representationAlreadyOpen: "directory.representation_already_open"
        case .representationNotFound: "directory.representation_not_found"
        case .representativeNotFound: "directory.representative_not_found"
        case .invitationInvalid: "directory.invitation_invalid"
        case .invitationForAnotherAddress: "directory.invitation_for_another_address"
        case .lastRepresentative: "directory.last_representative"
        }
    }

    public var messageKey: String { "error." + code }

    public var fieldErrors: [FieldError] {
        switch self {
        case .notANetwork: [FieldError("network_id", "validation.invalid_choice")]
        case .checklistIncomplete(let missing): missing.map { FieldError("checklist." + $0, "validation.checklist_item") }
        default: []
        }
    }

    public func localizedArguments(_ text: (String) -> String) -> [String] {
        guard case .checklistIncomplete(let missing) = self else { return [] }
        return [missing.map { text("membership.checklist." + $0) }.joined(separator: text("list.separator"))]
    }
}
