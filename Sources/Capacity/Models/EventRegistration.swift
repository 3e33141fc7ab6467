import Fluent
import Platform
import Foundation

/// One person's place at an event (or their place in the waiting list), registered by themselves or by an
/// association for one of its people. Cancelling keeps the row; registering again takes a new number.
public final class EventRegistration: Model, @unchecked Sendable {
    public static let schema = "capacity_registrations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    /// The person's account, when they have one (matched by e-mail).
    @OptionalField(key: "user_id") public var userID: UUID?
    /// The association the person comes from, when an association registered them.
    @OptionalField(key: "organization_id") public var organizationID: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "email") public var email: String
    @Enum(key: "status") public var status: RegistrationStatus
    @Field(key: "sequence") public var sequence: Int
    @OptionalField(key: "registered_by") public var registeredBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "promoted_at") public var promotedAt: Date?
    @OptionalField(key: "cancelled_at") public var cancelledAt: Date?

    public init() {}
}

public enum RegistrationStatus: String, CaseIterable, Codable, Sendable {
    case registered, waitlisted, cancelled
}

/// A registered person present at one session (day) of an event, checked in by the organiser.
public final class EventAttendance: Model, @unchecked Sendable {
    public static let schema = "capacity_attendance"

    @ID(key: .id) public var id: UUID?
    @Field(key: "registration_id") public var registrationID: UUID
    @Field(key: "event_id") public var eventID: UUID
    /// 1 for the first day.
    @Field(key: "session") public var session: Int
    @OptionalField(key: "checked_by") public var checkedBy: UUID?
    @Field(key: "checked_at") public var checkedAt: Date

    public init() {}
}

/// A certificate of attendance: who, what, when, as issued (later changes to the event do not change it), with the
/// code that anyone can verify.
public final class Certificate: Model, @unchecked Sendable {
    public static let schema = "capacity_certificates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "registration_id") public var registrationID: UUID
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "holder_name") public var holderName: String
    @Field(key: "event_title") public var eventTitle: Translated
    @Field(key: "organizer_name") public var organizerName: Translated
    @Enum(key: "event_kind") public var eventKind: EventKind
    @Field(key: "starts_at") public var startsAt: Date
    @Field(key: "ends_at") public var endsAt: Date
    @Field(key: "sessions") public var sessions: Int
    @OptionalField(key: "issued_by") public var issuedBy: UUID?
    @Field(key: "issued_at") public var issuedAt: Date

    public init() {}
}
