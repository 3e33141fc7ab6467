import Platform
import Vapor

/// A polling station as the organiser opens it: its name, wilaya and officers (their accounts' e-mail addresses).
public struct StationInput: Content, Sendable {
    public var name: String?
    public var wilayaCode: String?
    public var officers: [String]?

    public init(name: String? = nil, wilayaCode: String? = nil, officers: [String]? = nil) {
        (self.name, self.wilayaCode, self.officers) = (name, wilayaCode, officers)
    }
}

/// A citizen checked in by an officer: their identity document, and their account's e-mail address when they have
/// one (then they cannot vote online); the turnout demographics they choose to give.
public struct CheckInInput: Content, Sendable {
    public var documentKind: String?
    public var documentNumber: String?
    public var email: String?
    public var wilayaCode: String?
    public var sex: String?
    public var ageGroup: String?

    public init(documentKind: String? = nil, documentNumber: String? = nil, email: String? = nil) {
        (self.documentKind, self.documentNumber, self.email) = (documentKind, documentNumber, email)
    }

    var assisted: AssistedInput {
        AssistedInput(documentKind: documentKind, documentNumber: documentNumber,
                      demographics: Demographics(wilayaCode: wilayaCode, sex: sex, ageGroup: ageGroup))
    }
}

/// A batch of paper ballots of one budget (the election's only one when left out): each ballot's project numbers,
/// and the blank and spoiled ballots counted beside them. Batches are numbered 1, 2, … per station and budget.
public struct BatchInput: Content, Sendable {
    public var budgetID: UUID?
    public var number: Int?
    public var ballots: [[Int]]?
    public var blank: Int?
    public var spoiled: Int?

    public init(budgetID: UUID? = nil, number: Int? = nil, ballots: [[Int]]? = nil, blank: Int? = nil,
                spoiled: Int? = nil) {
        (self.budgetID, self.number, self.ballots, self.blank, self.spoiled) = (budgetID, number, ballots, blank, spoiled)
    }
}
