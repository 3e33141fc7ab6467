import Fluent
import Platform
import Vapor

/// How measurements of one year make the year's value.
public enum IndicatorAggregation: String, CaseIterable, Codable, Sendable {
    /// Flows (jobs created, trainings held): the year's periods add up.
    case sum
    /// Levels (a rate, a count of active members): the latest period counts.
    case latest
}
