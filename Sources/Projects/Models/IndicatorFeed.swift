import Fluent
import Platform
import Vapor

/// "This indicator is measured by the sum of that figure over the projects' follow-up reports."
public final class IndicatorFeed: Model, @unchecked Sendable {
    public static let schema = "indicator_feeds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "indicator_id") public var indicatorID: UUID
    @Enum(key: "metric") public var metric: ReportMetric

    public init() {}

    public init(indicatorID: UUID, metric: ReportMetric) {
        self.indicatorID = indicatorID
        self.metric = metric
    }
}
