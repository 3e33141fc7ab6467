import Platform
import Vapor

/// An event as `POST /api/v1/events` and the organiser's form give it.
public struct EventInput: Content, Sendable {
    public var organizerID: UUID?
    /// `training`, `workshop`, `meeting`, `conference` or `webinar`.
    public var kind: String?
    public var title: Translated?
    public var programme: Translated?
    /// ISO 8601, or `yyyy-MM-ddTHH:mm` in Algeria's time.
    public var startsAt: String?
    public var endsAt: String?
    public var wilayaCode: String?
    public var address: String?
    public var onlineURL: String?
    /// `members`, `associations` or `public` (default).
    public var audience: String?
    public var capacity: Int?
    /// Registration opens now and closes at the start when left out.
    public var registrationOpensAt: String?
    public var registrationClosesAt: String?
    public var domainCodes: [String]?
    /// People of the directory (ids) who give the training.
    public var trainerIDs: [UUID]?

    public init() {}
}

/// A registration: oneself (nothing given), or, for an association one represents, one of its people by name and
/// e-mail.
public struct RegistrationInput: Content, Sendable {
    public var organizationID: UUID?
    public var name: String?
    public var email: String?

    public init(organizationID: UUID? = nil, name: String? = nil, email: String? = nil) {
        (self.organizationID, self.name, self.email) = (organizationID, name, email)
    }
}

/// Who was present at one session (day 1, 2, …): the registrations' ids.
public struct AttendanceInput: Content, Sendable {
    public var session: Int?
    public var registrationIDs: [UUID]?

    public init(session: Int? = nil, registrationIDs: [UUID]? = nil) {
        (self.session, self.registrationIDs) = (session, registrationIDs)
    }
}
