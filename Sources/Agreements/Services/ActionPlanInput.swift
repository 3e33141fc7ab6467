import Foundation
import Platform

/// An action plan as `POST /api/v1/action-plans` takes it: the shape `GET` returns, less ids (the strategy by id or
/// slug, the responsible organisation by id or slug).
public struct ActionPlanInput: Codable, Sendable {
    public struct ActivityInput: Codable, Sendable {
        public var title: Translated?
        public var objectiveID: UUID?
        public var responsibleID: OrganizationRef?
        public var startsOn: String?
        public var endsOn: String?
        public var state: String?
        public var budgetMinor: Int64?
        public var currency: String?
    }

    public var strategyID: OrganizationRef?
    public var strategy: String?
    public var year: Int?
    public var title: Translated?
    public var activities: [ActivityInput]?
}
