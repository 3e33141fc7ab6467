import Fluent
import Platform
import Vapor

/// A yearly action plan of a strategy.
public final class ActionPlan: Model, @unchecked Sendable {
    public static let schema = "action_plans"

    @ID(key: .id) public var id: UUID?
    @Field(key: "strategy_id") public var strategyID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "title") public var title: Translated

    public init() {}
}
