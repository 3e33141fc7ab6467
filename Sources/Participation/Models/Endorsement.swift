import Fluent
import Platform
import Vapor

/// One person's support for a proposal. Wilaya, sex and age group are copied from the person when they
/// endorse, so statistics never move when a profile changes or an account is erased.
public final class Endorsement: Model, @unchecked Sendable {
    public static let schema = "proposal_endorsements"

    @ID(key: .id) public var id: UUID?
    @Field(key: "proposal_id") public var proposalID: UUID
    @Field(key: "process_id") public var processID: UUID
    /// `u:<account id>`, or `d:<keyed hash of an identity document>` for an assisted endorsement; unique per proposal.
    @Field(key: "participant_key") public var participantKey: String
    @OptionalField(key: "user_id") public var userID: UUID?
    @OptionalField(key: "assisted_by") public var assistedBy: UUID?
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    @OptionalField(key: "sex") public var sex: String?
    @OptionalField(key: "age_group") public var ageGroup: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// Age groups offered with participation (the same groups as the projects' jobs).
public enum AgeGroup: String, CaseIterable, Codable, Sendable {
    case under18 = "under_18"
    case from18to24 = "18_24"
    case from25to34 = "25_34"
    case from35to49 = "35_49"
    case from50to64 = "50_64"
    case over65 = "65_plus"
}

/// Who a person is counted as when they take part: an account, or someone a coordinator received in person.
public enum ParticipantKey {
    public static func account(_ id: UUID) -> String { "u:" + id.uuidString.lowercased() }

    /// A keyed hash of the document's type and number, so the same person is recognised again while the number
    /// itself is never stored.
    public static func document(kind: String, number: String, secret: String) -> String {
        let normalised = kind + ":" + number.uppercased().filter { $0.isLetter || $0.isNumber }
        return "d:" + Keyed.hash(normalised, secret: secret)
    }
}
