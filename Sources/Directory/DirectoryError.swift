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

    public var status: HTTPResponseStatus {
        switch self {
        case .organizationNotFound, .applicationNotFound, .membershipNotFound, .personNotFound: .notFound
        case .notRepresentative, .notYourApplication: .forbidden
        case .applicationAlreadyOpen, .alreadyMember, .checklistIncomplete, .checklistClosed: .conflict
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
