import Fluent
import Platform
import Vapor

public final class StrategyAxis: Model, @unchecked Sendable {
    public static let schema = "strategy_axes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "strategy_id") public var strategyID: UUID
    @Field(key: "code") public var code: String
    @Field(key: "title") public var title: Translated
    @Field(key: "position") public var position: Int

    public init() {}
}
