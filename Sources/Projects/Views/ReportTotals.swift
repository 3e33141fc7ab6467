import Directory
import Fluent
import Platform
import Vapor

/// A project's figures over its reports, each rolled up as what it counts (`ReportMetric.aggregation`):
///
/// - flows, summed over all reports: `jobsCreated` (each report's new jobs) and `revenueMinor`;
/// - levels, the latest report's (latest by period, not by filing): `jobsSustained`, `beneficiaries` and
///   `volunteers`, counts at the end of a period that adding up would count again (4 + 4 sustained jobs are 4).
///
/// `latestPeriod` names that report's period (`null` without reports); `reportCount` how many were summed.
public struct ReportTotals: Content {
    public let jobsCreated: Int
    public let jobsSustained: Int
    public let beneficiaries: Int
    public let revenueMinor: Int64
    public let volunteers: Int
    public let latestPeriod: String?
    public let reportCount: Int

    init(_ reports: [ProjectReport]) {
        // Inputs are bounded, so these sums fit; they are checked all the same (never a trap on stored data).
        jobsCreated = SafeNumber.sum(reports.map(\.jobsCreated)) ?? .max
        revenueMinor = SafeNumber.sum(reports.map(\.revenueMinor)) ?? .max
        let latest = ReportingPeriod.latest(reports, period: \.period)
        jobsSustained = latest?.jobsSustained ?? 0
        beneficiaries = latest?.beneficiaries ?? 0
        volunteers = latest?.volunteers ?? 0
        latestPeriod = latest?.period
        reportCount = reports.count
    }
}
