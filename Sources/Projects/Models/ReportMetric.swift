import Fluent
import Platform
import Vapor

/// A figure of the reports that can feed a strategy indicator.
public enum ReportMetric: String, CaseIterable, Codable, Sendable {
    case jobsCreated = "jobs_created"
    case jobsSustained = "jobs_sustained"
    case beneficiaries, volunteers
}
