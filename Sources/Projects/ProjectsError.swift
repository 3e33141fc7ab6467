import Platform
import Vapor

/// Errors of the Projects room, with stable codes.
public enum ProjectsError: ShabakaError, Equatable {
    case projectNotFound
    case difficultyNotFound
    case expertiseRequestNotFound
    case pledgeNotFound
    case notYourProject
    case notACompany
    case notAPartner
    case reportAlreadyFiled(period: String)
    case reportNotAllowed
    case evaluationAlreadyRecorded
    case evaluationNotAllowed
    case pledgeNotOpen
    case deliveryExceedsPledge
    case evaluationRequired
    case notAMember
    case projectNotOpen
    case companyPledgeLimit
    case notTheAssignedExpert
    case notADraft

    public var status: HTTPResponseStatus {
        switch self {
        case .projectNotFound, .difficultyNotFound, .expertiseRequestNotFound, .pledgeNotFound: .notFound
        case .notYourProject, .notTheAssignedExpert: .forbidden
        case .reportAlreadyFiled, .evaluationAlreadyRecorded, .reportNotAllowed, .evaluationNotAllowed, .pledgeNotOpen,
             .evaluationRequired, .projectNotOpen, .notADraft: .conflict
        case .notAMember: .unprocessableEntity
        case .notACompany, .notAPartner, .deliveryExceedsPledge, .companyPledgeLimit: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .projectNotFound: "projects.project_not_found"
        case .difficultyNotFound: "projects.difficulty_not_found"
        case .expertiseRequestNotFound: "projects.expertise_request_not_found"
        case .pledgeNotFound: "projects.pledge_not_found"
        case .notYourProject: "projects.not_your_project"
        case .notACompany: "projects.not_a_company"
        case .notAPartner: "projects.not_a_partner"
        case .reportAlreadyFiled: "projects.report_already_filed"
        case .reportNotAllowed: "projects.report_not_allowed"
        case .evaluationAlreadyRecorded: "projects.evaluation_already_recorded"
        case .evaluationNotAllowed: "projects.evaluation_not_allowed"
        case .pledgeNotOpen: "projects.pledge_not_open"
        case .deliveryExceedsPledge: "projects.delivery_exceeds_pledge"
        case .evaluationRequired: "projects.evaluation_required"
        case .notAMember: "projects.not_a_member"
        case .projectNotOpen: "projects.project_not_open"
        case .companyPledgeLimit: "projects.company_pledge_limit"
        case .notTheAssignedExpert: "projects.not_the_assigned_expert"
        case .notADraft: "projects.not_a_draft"
        }
    }

    public var messageKey: String { "error." + code }

    public var messageArguments: [String] {
        // Isolated: in an Arabic sentence `2026-Q3` would read `Q3-2026`.
        if case .reportAlreadyFiled(let period) = self { return [ReportingPeriod(period)?.isolated ?? period] }
        return []
    }

    public var fieldErrors: [FieldError] {
        switch self {
        case .reportAlreadyFiled: [FieldError("period", "validation.already_filed")]
        case .notACompany: [FieldError("company_id", "validation.invalid_choice")]
        case .notAMember: [FieldError("organization_id", "validation.not_a_member")]
        case .notAPartner: [FieldError("partner_id", "validation.invalid_choice")]
        case .deliveryExceedsPledge: [FieldError("value_minor", "validation.exceeds_remaining")]
        case .companyPledgeLimit: [FieldError("value_minor", "validation.company_pledge_limit")]
        default: []
        }
    }
}
