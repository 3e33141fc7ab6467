import Fluent
import Foundation
import Platform

/// A training, workshop, meeting, conference or webinar organised by an organisation: its texts in one or more
/// languages, its days, its place or link, who may register, how many places, and when registration is open.
/// `registered` counts the places taken; it is changed only inside a transaction that first claims the event's row.
public final class CapacityEvent: Model, @unchecked Sendable {
    public static let schema = "capacity_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organizer_id") public var organizerID: UUID
    @Enum(key: "kind") public var kind: EventKind
    @Field(key: "title") public var title: Translated
    @Field(key: "programme") public var programme: Translated
    @Field(key: "starts_at") public var startsAt: Date
    @Field(key: "ends_at") public var endsAt: Date
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    @OptionalField(key: "address") public var address: String?
    @OptionalField(key: "online_url") public var onlineURL: String?
    @Enum(key: "audience") public var audience: EventAudience
    @Field(key: "capacity") public var capacity: Int
    @Field(key: "registration_opens_at") public var registrationOpensAt: Date
    @Field(key: "registration_closes_at") public var registrationClosesAt: Date
    /// Domain codes, comma-separated.
    @Field(key: "domain_codes") public var domainCodes: String
    @Field(key: "registered") public var registered: Int
    /// Each registration takes the next number: the order of the waiting list.
    @Field(key: "last_sequence") public var lastSequence: Int
    @OptionalField(key: "reminded_at") public var remindedAt: Date?
    /// Called off by its organiser before it started (``EventCancellation``), with the reason its people were given.
    @OptionalField(key: "cancelled_at") public var cancelledAt: Date?
    @OptionalField(key: "cancellation_reason") public var cancellationReason: String?
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var domains: [String] { domainCodes.split(separator: ",").map(String.init) }

    /// One session per calendar day in Algeria, from the first day to the last.
    public var sessions: Int {
        let first = CivilCalendar.components(startsAt, offset: 3600)
        let last = CivilCalendar.components(endsAt, offset: 3600)
        let days = CivilCalendar.days(year: last.year, month: last.month, day: last.day)
            - CivilCalendar.days(year: first.year, month: first.month, day: first.day)
        return max(1, days + 1)
    }

    /// When the last session (day) begins, midnight of the last day in Algeria (or the start, for one day):
    /// certificates may be issued from then on, once its attendance is taken.
    public var lastSessionStartsAt: Date {
        let last = CivilCalendar.components(endsAt, offset: 3600)
        let midnight = Date(timeIntervalSince1970: TimeInterval(
            CivilCalendar.days(year: last.year, month: last.month, day: last.day) * 86_400 - 3600))
        return max(startsAt, midnight)
    }

    /// Certificates of attendance are given for trainings and workshops.
    public var certifies: Bool { kind == .training || kind == .workshop }

    public var isCancelled: Bool { cancelledAt != nil }

    public func registrationOpen(at now: Date) -> Bool {
        !isCancelled && now >= registrationOpensAt && now < registrationClosesAt && now < startsAt
    }
}

public enum EventKind: String, CaseIterable, Codable, Sendable {
    case training, workshop, meeting, conference, webinar
}

/// Who may register: people of the network's member associations, people of any association (or organisation), or
/// anyone with an account.
public enum EventAudience: String, CaseIterable, Codable, Sendable {
    case members, associations, `public`
}

/// A trainer of an event: a person of the directory.
public final class EventTrainer: Model, @unchecked Sendable {
    public static let schema = "capacity_event_trainers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "person_id") public var personID: UUID

    public init() {}

    public init(eventID: UUID, personID: UUID) {
        (self.eventID, self.personID) = (eventID, personID)
    }
}
