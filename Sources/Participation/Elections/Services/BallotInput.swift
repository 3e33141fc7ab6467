import ArabicText
import Platform
import Vapor

/// A ballot as `POST /api/v1/pb-elections/{id}/ballot` and the election's form give it: the budget voted in (the
/// election's only one when left out), the projects by their number on the ballot, and the wilaya, sex and age group
/// the voter chooses to give for the turnout figures (an account's profile fills in those left out).
public struct BallotInput: Content, Sendable {
    public var budgetID: UUID?
    public var projects: [Int]?
    /// The voter confirms the election's minimum age.
    public var ageConfirmed: Bool?
    public var wilayaCode: String?
    public var sex: String?
    public var ageGroup: String?

    public init(budgetID: UUID? = nil, projects: [Int]? = nil, ageConfirmed: Bool? = nil) {
        self.budgetID = budgetID
        self.projects = projects
        self.ageConfirmed = ageConfirmed
    }

    public var demographics: Demographics { Demographics(wilayaCode: wilayaCode, sex: sex, ageGroup: ageGroup) }
}

/// A ballot a coordinator records for a citizen received in person: the identity document checked, beside the
/// ballot.
public struct AssistedBallotInput: Content, Sendable {
    public var documentKind: String?
    public var documentNumber: String?
    public var budgetID: UUID?
    public var projects: [Int]?
    /// The page form's projects, as the coordinator types their numbers ("1, 4, 7", in any digits).
    public var projectsText: String?
    public var ageConfirmed: Bool?
    public var wilayaCode: String?
    public var sex: String?
    public var ageGroup: String?

    public init() {}

    public var ballot: BallotInput {
        let typed = projectsText.map {
            ArabicText.latinDigits($0).split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? -1 }
        }
        var input = BallotInput(budgetID: budgetID, projects: projects ?? typed, ageConfirmed: ageConfirmed)
        input.wilayaCode = wilayaCode
        input.sex = sex
        input.ageGroup = ageGroup
        return input
    }

    public var assisted: AssistedInput {
        AssistedInput(documentKind: documentKind, documentNumber: documentNumber, demographics: ballot.demographics)
    }
}

/// What a voter gets back: the receipt to find the ballot in the published file, and how many times it was cast.
public struct BallotReceipt: Content, Sendable {
    public let electionID: UUID
    public let budgetID: UUID
    public let receipt: String
    public let projects: [Int]
    /// 1 for a first ballot, then 2, 3, … as it is changed; the highest is the one that counts.
    public let version: Int
}

/// The ballot form of a page: texts only (a browser sends nothing else), read into a ``BallotInput``; a box whose
/// value is not a number names no project on the ballot and is refused as such.
struct BallotForm: Decodable {
    var budgetID: String?
    var projects: [String]?
    var projectsText: String?
    var ageConfirmed: String?
    var documentKind: String?
    var documentNumber: String?
    var wilayaCode: String?
    var sex: String?
    var ageGroup: String?

    var ballot: BallotInput {
        var input = BallotInput(budgetID: Validate.trimmed(budgetID).flatMap(UUID.init(uuidString:)),
                                projects: projects.map { $0.map { Int($0) ?? -1 } }, ageConfirmed: ageConfirmed == "true")
        input.wilayaCode = wilayaCode
        input.sex = sex
        input.ageGroup = ageGroup
        return input
    }

    var assisted: AssistedBallotInput {
        var input = AssistedBallotInput()
        input.documentKind = documentKind
        input.documentNumber = documentNumber
        input.budgetID = ballot.budgetID
        input.projects = ballot.projects
        input.projectsText = projectsText
        input.ageConfirmed = ballot.ageConfirmed
        input.wilayaCode = wilayaCode
        input.sex = sex
        input.ageGroup = ageGroup
        return input
    }
}
