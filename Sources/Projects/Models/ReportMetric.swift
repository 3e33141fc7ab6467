import Agreements
import Fluent
import Platform
import Vapor

/// A figure of the reports that can feed a strategy indicator.
public enum ReportMetric: String, CaseIterable, Codable, Sendable {
    case jobsCreated = "jobs_created"
    case jobsSustained = "jobs_sustained"
    case beneficiaries, volunteers

    /// How the figure rolls up over periods, everywhere (a project's totals, the indicators it feeds): jobs
    /// created are a flow, each report's new ones, so periods add up; jobs sustained, beneficiaries and volunteers
    /// are levels (a stock at the period's end), so the latest period counts and 4 + 4 sustained jobs stay 4.
    public var aggregation: IndicatorAggregation {
        self == .jobsCreated ? .sum : .latest
    }
}
