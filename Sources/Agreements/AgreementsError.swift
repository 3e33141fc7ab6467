import Platform
import Vapor

/// Errors of the Agreements room, with stable codes.
public enum AgreementsError: ShabakaError {
    case agreementNotFound
    case commitmentNotFound
    case strategyNotFound
    case indicatorNotFound
    case actionPlanNotFound
    case ownerNotAParty
    case periodOutsideStrategy
    case notTheCommitmentOwner
    case notAParty

    public var status: HTTPResponseStatus {
        switch self {
        case .ownerNotAParty, .periodOutsideStrategy: .unprocessableEntity
        case .notTheCommitmentOwner, .notAParty: .forbidden
        default: .notFound
        }
    }

    public var code: String {
        switch self {
        case .agreementNotFound: "agreements.agreement_not_found"
        case .commitmentNotFound: "agreements.commitment_not_found"
        case .strategyNotFound: "agreements.strategy_not_found"
        case .indicatorNotFound: "agreements.indicator_not_found"
        case .actionPlanNotFound: "agreements.action_plan_not_found"
        case .ownerNotAParty: "agreements.owner_not_a_party"
        case .periodOutsideStrategy: "agreements.period_outside_strategy"
        case .notTheCommitmentOwner: "agreements.not_the_commitment_owner"
        case .notAParty: "agreements.not_a_party"
        }
    }

    public var messageKey: String { "error." + code }

    public var fieldErrors: [FieldError] {
        switch self {
        case .ownerNotAParty: [FieldError("owner_id", "validation.invalid_choice")]
        case .periodOutsideStrategy: [FieldError("period", "validation.period_outside")]
        default: []
        }
    }
}
