import Fluent
import Foundation

/// A training need an association declares: a domain (and, from its self-assessment, the capacity it wants to
/// grow), how many of its people, in the year. Events say which needs they answer.
public final class TrainingNeed: Model, @unchecked Sendable {
    public static let schema = "capacity_training_needs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "domain_code") public var domainCode: String
    @OptionalEnum(key: "dimension") public var dimension: CapacityDimension?
    /// The association's wilaya when declared (so demand reads by wilaya even if it moves later).
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    @Field(key: "description") public var details: String
    @Field(key: "people") public var people: Int
    @Field(key: "year") public var year: Int
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// An event answering a declared need.
public final class EventNeed: Model, @unchecked Sendable {
    public static let schema = "capacity_event_needs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "need_id") public var needID: UUID

    public init() {}

    public init(eventID: UUID, needID: UUID) {
        (self.eventID, self.needID) = (eventID, needID)
    }
}

/// The six capacities of the self-assessment grid, each rated 1 (emerging) to 4 (strong).
public enum CapacityDimension: String, CaseIterable, Codable, Sendable {
    case governance, finances
    case projectManagement = "project_management"
    case humanResources = "human_resources"
    case partnerships, communication
}

/// An association's self-assessment for one year: one level per dimension. Changed within its year only.
public final class CapacityAssessment: Model, @unchecked Sendable {
    public static let schema = "capacity_assessments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "governance") public var governance: Int
    @Field(key: "finances") public var finances: Int
    @Field(key: "project_management") public var projectManagement: Int
    @Field(key: "human_resources") public var humanResources: Int
    @Field(key: "partnerships") public var partnerships: Int
    @Field(key: "communication") public var communication: Int
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public func level(_ dimension: CapacityDimension) -> Int {
        switch dimension {
        case .governance: governance
        case .finances: finances
        case .projectManagement: projectManagement
        case .humanResources: humanResources
        case .partnerships: partnerships
        case .communication: communication
        }
    }

    public func set(_ dimension: CapacityDimension, _ level: Int) {
        switch dimension {
        case .governance: governance = level
        case .finances: finances = level
        case .projectManagement: projectManagement = level
        case .humanResources: humanResources = level
        case .partnerships: partnerships = level
        case .communication: communication = level
        }
    }
}

/// What a participant thought of an event: a rating from 1 to 5 and a comment, given once the event has begun
/// (changed until its organiser reads them all at the end: the last answer counts).
public final class EventFeedback: Model, @unchecked Sendable {
    public static let schema = "capacity_feedback"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "registration_id") public var registrationID: UUID
    @Field(key: "rating") public var rating: Int
    @Field(key: "useful") public var useful: Bool
    @Field(key: "comment") public var comment: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A strategy indicator measured from attendance: people or associations trained, per year.
public final class CapacityIndicatorFeed: Model, @unchecked Sendable {
    public static let schema = "capacity_indicator_feeds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "indicator_id") public var indicatorID: UUID
    @Enum(key: "metric") public var metric: TrainingMetric

    public init() {}
}

/// What attendance measures for the strategy, each year: people who attended every session of a training or
/// workshop, and distinct associations they came from.
public enum TrainingMetric: String, CaseIterable, Codable, Sendable {
    case peopleTrained = "people_trained"
    case associationsTrained = "associations_trained"
}
