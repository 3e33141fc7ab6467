import Platform
import Vapor

/// Errors of participatory-budgeting elections, with stable codes. Each refusal of a ballot names the rule it broke.
public enum ElectionError: ShabakaError, Equatable {
    case electionNotFound
    case budgetNotFound
    case notTheOrganizer
    case notDraft
    case notYetOpen
    case closed
    case notEligible(reason: String)
    case tooFew(minimum: Int)
    case tooMany(maximum: Int)
    case overBudget(budget: Int64, total: Int64)
    case unknownProject
    case tooManyBudgets(maximum: Int)
    case resultsAtClose
    case incomplete(reason: String)
    case notAnOfficer
    case votedOnline
    case alreadyCheckedIn
    case checkedIn
    case stationCounted
    case notClosedYet
    case stationsCounting
    case moreBallotsThanVoters(voters: Int)
    case stationNotFound
    /// Only a funded project becomes a project of the Projects room.
    case notFunded
    case alreadyAProject

    public var status: HTTPResponseStatus {
        switch self {
        case .electionNotFound, .budgetNotFound, .stationNotFound: .notFound
        case .notTheOrganizer, .notEligible, .notAnOfficer: .forbidden
        case .tooFew, .tooMany, .overBudget, .unknownProject, .incomplete, .moreBallotsThanVoters, .notFunded:
            .unprocessableEntity
        default: .conflict
        }
    }

    public var code: String {
        switch self {
        case .electionNotFound: "election.not_found"
        case .budgetNotFound: "election.budget_not_found"
        case .notTheOrganizer: "election.not_the_organizer"
        case .notDraft: "election.not_draft"
        case .notYetOpen: "election.not_yet_open"
        case .closed: "election.closed"
        case .notEligible(let reason): "election.not_eligible." + reason
        case .tooFew: "election.too_few"
        case .tooMany: "election.too_many"
        case .overBudget: "election.over_budget"
        case .unknownProject: "election.unknown_project"
        case .tooManyBudgets: "election.too_many_budgets"
        case .resultsAtClose: "election.results_at_close"
        case .incomplete(let reason): "election.incomplete." + reason
        case .notAnOfficer: "election.not_an_officer"
        case .votedOnline: "election.voted_online"
        case .alreadyCheckedIn: "election.already_checked_in"
        case .checkedIn: "election.checked_in"
        case .stationCounted: "election.station_counted"
        case .notClosedYet: "election.not_closed_yet"
        case .stationsCounting: "election.stations_counting"
        case .moreBallotsThanVoters: "election.more_ballots_than_voters"
        case .stationNotFound: "election.station_not_found"
        case .notFunded: "election.not_funded"
        case .alreadyAProject: "election.already_a_project"
        }
    }

    public var messageKey: String { "error." + code }

    public var messageArguments: [String] {
        switch self {
        case .tooFew(let minimum): ["\(minimum)"]
        case .tooMany(let maximum), .tooManyBudgets(let maximum): ["\(maximum)"]
        case .overBudget(let budget, let total): ["\(total)", "\(budget)"]
        case .moreBallotsThanVoters(let voters): ["\(voters)"]
        default: []
        }
    }

    public var fieldErrors: [FieldError] {
        switch self {
        case .tooFew, .tooMany, .overBudget, .unknownProject: [field("projects")]
        case .tooManyBudgets: [field("budget_id")]
        case .moreBallotsThanVoters: [field("ballots")]
        default: []
        }
    }

    func field(_ name: String) -> FieldError {
        var error = FieldError(name, messageKey)
        error.arguments = messageArguments
        return error
    }
}
