import Directory
import Fluent
import Platform
import Vapor

/// Totals of a project's reports.
public struct ReportTotals: Content {
    public let jobsCreated: Int
    public let jobsSustained: Int
    public let beneficiaries: Int
    public let revenueMinor: Int64
    public let volunteers: Int

    init(_ reports: [ProjectReport]) {
        // Inputs are bounded, so these sums fit; they are checked all the same (never a trap on stored data).
        jobsCreated = SafeNumber.sum(reports.map(\.jobsCreated)) ?? .max
        jobsSustained = SafeNumber.sum(reports.map(\.jobsSustained)) ?? .max
        // Beneficiaries and volunteers are counted per period: the project reaches its largest count.
        beneficiaries = reports.map(\.beneficiaries).max() ?? 0
        revenueMinor = SafeNumber.sum(reports.map(\.revenueMinor)) ?? .max
        volunteers = reports.map(\.volunteers).max() ?? 0
    }
}
