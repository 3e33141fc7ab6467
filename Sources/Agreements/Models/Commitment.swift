import Fluent
import Platform
import Vapor

/// Something a party promised under an agreement, with a due date.
public final class Commitment: Model, @unchecked Sendable {
    public static let schema = "commitments"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "owner_id") public var ownerID: UUID
    @Field(key: "description") public var summary: Translated
    @Field(key: "due_on") public var dueOn: String
    @OptionalField(key: "strategy_objective_id") public var strategyObjectiveID: UUID?
    @Enum(key: "state") public var state: CommitmentState
    /// Latest progress reported by a follow-up, 0–100.
    @Field(key: "progress") public var progress: Int

    public init() {}

    /// Past its due date and neither done nor dropped: shown as late whatever its recorded state.
    public func isOverdue(today: String) -> Bool {
        [.planned, .inProgress, .late].contains(state) && dueOn < today
    }
}
