import Fluent
import Platform
import Vapor

public final class StrategyObjective: Model, @unchecked Sendable {
    public static let schema = "strategy_objectives"

    @ID(key: .id) public var id: UUID?
    @Field(key: "axis_id") public var axisID: UUID
    @Field(key: "code") public var code: String
    @Field(key: "title") public var title: Translated
    @Field(key: "position") public var position: Int

    public init() {}
}
