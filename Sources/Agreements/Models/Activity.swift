import Fluent
import Platform
import Vapor

/// An activity of an action plan, linked to a strategy objective.
public final class Activity: Model, @unchecked Sendable {
    public static let schema = "activities"

    @ID(key: .id) public var id: UUID?
    @Field(key: "action_plan_id") public var actionPlanID: UUID
    @OptionalField(key: "objective_id") public var objectiveID: UUID?
    @Field(key: "title") public var title: Translated
    @OptionalField(key: "responsible_id") public var responsibleID: UUID?
    @OptionalField(key: "starts_on") public var startsOn: String?
    @OptionalField(key: "ends_on") public var endsOn: String?
    @Enum(key: "state") public var state: ActivityState
    /// Budget in minor units (centimes) of `currency`.
    @Field(key: "budget_minor") public var budgetMinor: Int64
    @Field(key: "currency") public var currency: String

    public init() {}
}
