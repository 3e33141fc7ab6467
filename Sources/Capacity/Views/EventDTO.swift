import Fluent
import Platform
import Vapor

/// A line of the list of events.
public struct EventRow: Content, Sendable {
    public let id: UUID
    public let kind: String
    public let title: Translated
    public let startsAt: Date
    public let endsAt: Date
    public let wilayaCode: String?
    public let audience: String
    public let capacity: Int
    public let registered: Int
    public let registrationOpen: Bool
    public let cancelledAt: Date?

    init(_ event: CapacityEvent, now: Date) throws {
        (id, kind, title, startsAt, endsAt) = (try event.requireID(), event.kind.rawValue, event.title, event.startsAt,
                                               event.endsAt)
        (wilayaCode, audience, capacity, registered) = (event.wilayaCode, event.audience.rawValue, event.capacity,
                                                        event.registered)
        registrationOpen = event.registrationOpen(at: now)
        cancelledAt = event.cancelledAt
    }
}

/// An event with its trainers and counts: `GET /api/v1/events/{id}`.
public struct EventDTO: Content, Sendable {
    public let id: UUID
    public let organizerID: UUID
    public let kind: String
    public let title: Translated
    public let programme: Translated
    public let startsAt: Date
    public let endsAt: Date
    public let sessions: Int
    public let wilayaCode: String?
    public let address: String?
    public let onlineURL: String?
    public let audience: String
    public let capacity: Int
    public let registered: Int
    public let waitlisted: Int
    public let registrationOpensAt: Date
    public let registrationClosesAt: Date
    public let registrationOpen: Bool
    public let domainCodes: [String]
    public let trainerIDs: [UUID]
    /// Set when the organiser called the event off, with the reason its people were given.
    public let cancelledAt: Date?
    public let cancellationReason: String?

    static func load(_ event: CapacityEvent, now: Date, on db: any Database) async throws -> EventDTO {
        let id = try event.requireID()
        let trainers = try await EventTrainer.query(on: db).filter(\.$eventID == id).all().map(\.personID)
        let waitlisted = try await EventRegistration.query(on: db).filter(\.$eventID == id)
            .filter(\.$status == .waitlisted).count()
        return EventDTO(id: id, organizerID: event.organizerID, kind: event.kind.rawValue, title: event.title,
                        programme: event.programme, startsAt: event.startsAt, endsAt: event.endsAt,
                        sessions: event.sessions, wilayaCode: event.wilayaCode, address: event.address,
                        onlineURL: event.onlineURL, audience: event.audience.rawValue, capacity: event.capacity,
                        registered: event.registered, waitlisted: waitlisted,
                        registrationOpensAt: event.registrationOpensAt,
                        registrationClosesAt: event.registrationClosesAt,
                        registrationOpen: event.registrationOpen(at: now), domainCodes: event.domains,
                        trainerIDs: trainers, cancelledAt: event.cancelledAt,
                        cancellationReason: event.cancellationReason)
    }
}

/// A registration as its person, whoever registered them and the organiser see it; `position` in the waiting list.
public struct RegistrationDTO: Content, Sendable {
    public let id: UUID
    public let eventID: UUID
    public let name: String
    public let email: String
    public let organizationID: UUID?
    public let status: String
    public let position: Int?
    public let sessionsAttended: [Int]?
    public let certificateCode: String?
    public let createdAt: Date
    public let promotedAt: Date?

    static func load(_ registration: EventRegistration, attended: Set<Int>? = nil, certificate: String? = nil,
                     on db: any Database) async throws -> RegistrationDTO
    {
        let position = registration.status == .waitlisted ? try await Registrations.position(of: registration, on: db)
            : nil
        return RegistrationDTO(id: try registration.requireID(), eventID: registration.eventID, name: registration.name,
                               email: registration.email, organizationID: registration.organizationID,
                               status: registration.status.rawValue, position: position,
                               sessionsAttended: attended.map { $0.sorted() }, certificateCode: certificate,
                               createdAt: registration.createdAt, promotedAt: registration.promotedAt)
    }
}

/// What a verification says: the certificate is genuine, for whom, for what, when (`GET /api/v1/certificates/{code}`).
public struct CertificateDTO: Content, Sendable {
    public let genuine: Bool
    public let code: String
    public let holderName: String
    public let eventID: UUID
    public let eventKind: String
    public let eventTitle: Translated
    public let organizer: Translated
    public let startsAt: Date
    public let endsAt: Date
    public let sessions: Int
    public let issuedAt: Date

    init(_ certificate: Certificate) {
        (genuine, code, holderName, eventID) = (true, certificate.code, certificate.holderName, certificate.eventID)
        (eventKind, eventTitle, organizer) = (certificate.eventKind.rawValue, certificate.eventTitle,
                                              certificate.organizerName)
        (startsAt, endsAt, sessions, issuedAt) = (certificate.startsAt, certificate.endsAt, certificate.sessions,
                                                  certificate.issuedAt)
    }
}

/// A resource of the library; `file_url` for a document.
public struct ResourceDTO: Content, Sendable {
    public let id: UUID
    public let title: String
    public let description: String
    public let language: String
    public let domainCode: String
    public let url: String?
    public let fileURL: String?
    public let createdAt: Date

    init(_ resource: LibraryResource) throws {
        (id, title, description, language) = (try resource.requireID(), resource.title, resource.details,
                                              resource.language)
        (domainCode, url, createdAt) = (resource.domainCode, resource.url, resource.createdAt)
        fileURL = resource.attachmentID.map { "/api/v1/attachments/\($0.uuidString)/content" }
    }
}
