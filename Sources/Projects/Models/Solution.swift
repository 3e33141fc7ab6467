import Fluent
import Platform
import Vapor

/// A solution or alternative proposed for a difficulty, with its cost and time.
public final class Solution: Model, @unchecked Sendable {
    public static let schema = "difficulty_solutions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "difficulty_id") public var difficultyID: UUID
    @Field(key: "description") public var details: String
    @Field(key: "cost_minor") public var costMinor: Int64
    @Field(key: "duration_days") public var durationDays: Int
    @OptionalField(key: "proposer_id") public var proposerID: UUID?
    @Field(key: "proposer_name") public var proposerName: String
    @Field(key: "proposed_at") public var proposedAt: Date

    public init() {}
}
