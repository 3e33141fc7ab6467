import Fluent
import Platform
import Vapor

/// One measured value of an indicator for a period (`2024`, `2024-Q2` or `2024-06`).
public final class Measurement: Model, PeriodSorted, @unchecked Sendable {
    public static let schema = "indicator_measurements"

    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Field(key: "indicator_id") public var indicatorID: UUID
    @Field(key: "period") public var period: String
    /// The period's place in time (`ReportingPeriod.sortKey`, kept by `PeriodSortMiddleware`): lists sort by it,
    /// never by the period's text.
    @Field(key: "period_sort") public var periodSort: Int
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

    /// Sets the period and its place in time together.
    public func setPeriod(_ period: ReportingPeriod) {
        self.period = period.text
        periodSort = period.sortKey
        year = period.year
    }
}
