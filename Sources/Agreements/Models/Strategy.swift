import Fluent
import Platform
import Vapor

/// A multi-year strategy (e.g. the observatory's 2024-2030), made of axes, objectives and indicators.
public final class Strategy: Model, @unchecked Sendable {
    public static let schema = "strategies"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "title") public var title: Translated
    @Field(key: "owner_id") public var ownerID: UUID
    @Field(key: "start_year") public var startYear: Int
    @Field(key: "end_year") public var endYear: Int

    public init() {}
}

public final class StrategyAxis: Model, @unchecked Sendable {
    public static let schema = "strategy_axes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "strategy_id") public var strategyID: UUID
    @Field(key: "code") public var code: String
    @Field(key: "title") public var title: Translated
    @Field(key: "position") public var position: Int

    public init() {}
}

public final class StrategyObjective: Model, @unchecked Sendable {
    public static let schema = "strategy_objectives"

    @ID(key: .id) public var id: UUID?
    @Field(key: "axis_id") public var axisID: UUID
    @Field(key: "code") public var code: String
    @Field(key: "title") public var title: Translated
    @Field(key: "position") public var position: Int

    public init() {}
}

/// Whether a higher or a lower value is progress.
public enum IndicatorDirection: String, CaseIterable, Codable, Sendable {
    case increase, decrease
}

/// How measurements of one year make the year's value.
public enum IndicatorAggregation: String, CaseIterable, Codable, Sendable {
    /// Flows (jobs created, trainings held): the year's periods add up.
    case sum
    /// Levels (a rate, a count of active members): the latest period counts.
    case latest
}

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
    /// Yearly targets, year → value.
    @Field(key: "targets") public var targets: [String: Double]

    public init() {}
}

/// One measured value of an indicator for a period (`2024`, `2024-Q2` or `2024-06`).
public final class Measurement: Model, @unchecked Sendable {
    public static let schema = "indicator_measurements"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "indicator_id") public var indicatorID: UUID
    @Field(key: "period") public var period: String
    @Field(key: "year") public var year: Int
    @Field(key: "value") public var value: Double
    /// Dimension → category → value, e.g. `{"sex": {"f": 12, "m": 9}}`.
    @Field(key: "breakdown") public var breakdown: [String: [String: Double]]
    @Field(key: "source") public var source: String
    /// Free text kept from before author ids (and, for values computed from reports, how many reports).
    @Field(key: "recorded_by") public var recordedBy: String
    /// The account that recorded the value (its name is shown from the account, see `AuthorNames`).
    @OptionalField(key: "recorded_by_user_id") public var recordedByUserID: UUID?

    public init() {}
}

/// A yearly action plan of a strategy.
public final class ActionPlan: Model, @unchecked Sendable {
    public static let schema = "action_plans"

    @ID(key: .id) public var id: UUID?
    @Field(key: "strategy_id") public var strategyID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "title") public var title: Translated

    public init() {}
}

public enum ActivityState: String, CaseIterable, Codable, Sendable {
    case planned
    case inProgress = "in_progress"
    case done
    case cancelled
}

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

extension Strategy: SlugAddressed {
    public static var slugField: KeyPath<Strategy, FieldProperty<Strategy, String>> { \.$slug }
}
