import Fluent
import Platform
import Vapor

/// A measurable indicator of an objective, with a baseline and yearly targets.
public final class Indicator: Model, @unchecked Sendable {
    public static let schema = "indicators"

    @ID(key: .id) public var id: UUID?
    @Field(key: "objective_id") public var objectiveID: UUID
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: Translated
    @Field(key: "unit") public var unit: Translated
    @Field(key: "baseline") public var baseline: Double
    @Field(key: "baseline_year") public var baselineYear: Int
    @Enum(key: "direction") public var direction: IndicatorDirection
    @Enum(key: "aggregation") public var aggregation: IndicatorAggregation
    /// Dimensions measurements may be broken down by: `wilaya`, `sex`, `age_group`, comma-separated.
    @Field(key: "disaggregations") public var disaggregations: String
    /// How it is measured: source, method, frequency (older indicators may not say).
    @OptionalField(key: "method") public var method: Translated?
    /// Yearly targets, year → value.
    @Field(key: "targets") public var targets: [String: Double]

    public init() {}
}
