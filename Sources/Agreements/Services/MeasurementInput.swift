import Directory
import Fluent
import Platform
import Vapor

/// A measured value as the form and `POST /api/v1/indicators/{id}/measurements` submit it.
public struct MeasurementInput: Content, Sendable {
    public var period: String?
    public var value: Double?
    public var breakdown: [String: [String: Double]]?
    public var source: String?

    public init(period: String?, value: Double?, breakdown: [String: [String: Double]]? = nil, source: String?) {
        self.period = period
        self.value = value
        self.breakdown = breakdown
        self.source = source
    }
}
