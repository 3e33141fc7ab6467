import Foundation
import Platform

/// A strategy as `POST /api/v1/strategies` takes it: the shape `GET` returns, less ids, progress and the year shown
/// (so a strategy can be copied through the API); the owner by id or slug. `PATCH` takes the top fields only.
public struct StrategyInput: Codable, Sendable {
    public var slug: String?
    public var title: Translated?
    /// The organisation that owns it, by id or slug (`owner_id` is read too, as `GET` names it).
    public var owner: String?
    public var ownerID: String?
    public var startYear: Int?
    public var endYear: Int?
    public var axes: [AxisInput]?

    public init() {}

    public struct AxisInput: Codable, Sendable {
        public var code: String?
        public var title: Translated?
        public var objectives: [ObjectiveInput]?
        public init(code: String? = nil, title: Translated? = nil) {
            self.code = code
            self.title = title
        }
    }

    public struct ObjectiveInput: Codable, Sendable {
        public var code: String?
        public var title: Translated?
        public var indicators: [IndicatorInput]?
        public init(code: String? = nil, title: Translated? = nil) {
            self.code = code
            self.title = title
        }
    }
}

/// An indicator: what is measured, in which unit and how, from which baseline, towards which yearly targets.
public struct IndicatorInput: Codable, Sendable {
    public var code: String?
    public var name: Translated?
    public var unit: Translated?
    /// How it is measured (source, method, frequency).
    public var method: Translated?
    public var baseline: Double?
    public var baselineYear: Int?
    public var direction: String?
    public var aggregation: String?
    public var disaggregations: [String]?
    /// Target per year, `{"2026": 40}`.
    public var targets: [String: Double]?

    public init() {}
}
