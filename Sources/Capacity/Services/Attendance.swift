import Directory
import Fluent
import Platform
import Vapor

/// The organiser's check-in sheet (one session, that is one day, at a time) and the certificates of attendance
/// given, after a training or workshop, to those present at every session.
public enum Attendance {
    /// Sets who was present at a session: exactly the registrations given (a box unticked removes a check-in).
    public static func record(_ event: CapacityEvent, _ input: AttendanceInput, by user: CurrentUser,
                              _ context: ServiceContext) async throws -> Int
    {
        guard try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: context.db) else {
            throw CapacityError.notTheOrganizer
        }
        // The sheet opens on the morning of the first day (Algeria's time).
        guard !event.isCancelled else { throw CapacityError.eventCancelled }
        guard context.now.timeIntervalSince(event.startsAt) > -12 * 3600 else { throw CapacityError.notStarted }
        guard let session = input.session, (1...event.sessions).contains(session) else {
            throw CapacityError.unknownSession
        }
        let eventID = try event.requireID()
        let present = (input.registrationIDs ?? []).uniqued()
        let registered = try await EventRegistration.query(on: context.db).filter(\.$eventID == eventID)
            .filter(\.$status == .registered).all().compactMap(\.id)
        guard Set(present).isSubset(of: Set(registered)) else { throw CapacityError.notRegistered }
        try await context.db.transaction { tx in
            try await EventAttendance.query(on: tx).filter(\.$eventID == eventID).filter(\.$session == session).delete()
            try await present.map { id in
                let row = EventAttendance()
                (row.registrationID, row.eventID, row.session) = (id, eventID, session)
                (row.checkedBy, row.checkedAt) = (user.id, context.now)
                return row
            }.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "event.attendance", subjectType: "event",
                                      subjectID: eventID.uuidString,
                                      details: ["session": "\(session)", "present": "\(present.count)"], at: context.now)
            // Indicators measured from attendance follow it.
            try await StrategyFeed.measure(year: Needs.year(of: event.startsAt), on: tx, now: context.now)
        }
        return present.count
    }

    /// Sessions attended, by registration.
    /// The people present at every session of `events`, event by event: each one's registration and association
    /// (two queries, however many events). Those trained, for the strategy's indicators and the dashboard.
    public static func completed(_ events: [CapacityEvent], on db: any Database) async throws
        -> [(event: CapacityEvent, organizationID: UUID?)]
    {
        let ids = events.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        var sessions: [UUID: Set<Int>] = [:]
        for row in try await EventAttendance.query(on: db).filter(\.$eventID ~~ ids).all() {
            sessions[row.registrationID, default: []].insert(row.session)
        }
        let byID = Dictionary(events.compactMap { event in event.id.map { ($0, event) } }, uniquingKeysWith: { a, _ in a })
        return try await EventRegistration.query(on: db).filter(\.$eventID ~~ ids).filter(\.$status == .registered)
            .sort(\.$sequence).all().compactMap { registration in
                guard let event = byID[registration.eventID], let id = registration.id,
                      (sessions[id]?.count ?? 0) == event.sessions else { return nil }
                return (event, registration.organizationID)
            }
    }

    public static func attended(_ eventID: UUID, on db: any Database) async throws -> [UUID: Set<Int>] {
        var sessions: [UUID: Set<Int>] = [:]
        for row in try await EventAttendance.query(on: db).filter(\.$eventID == eventID).all() {
            sessions[row.registrationID, default: []].insert(row.session)
        }
        return sessions
    }

    /// From the last day of a training or workshop on (once its check-in is done): a certificate for each person
    /// present at every session who has none yet; each is told. Returns how many were issued.
    public static func issueCertificates(_ event: CapacityEvent, by user: CurrentUser, _ context: ServiceContext)
        async throws -> Int
    {
        guard try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: context.db) else {
            throw CapacityError.notTheOrganizer
        }
        guard !event.isCancelled else { throw CapacityError.eventCancelled }
        guard event.certifies else { throw CapacityError.noCertificates }
        guard context.now >= event.lastSessionStartsAt else { throw CapacityError.notEnded }
        let eventID = try event.requireID()
        let organizer = try await Organization.find(event.organizerID, on: context.db)
        return try await context.db.transaction { tx in
            let attended = try await attended(eventID, on: tx)
            let certified = Set(try await Certificate.query(on: tx).filter(\.$eventID == eventID).all()
                .map(\.registrationID))
            let due = try await EventRegistration.query(on: tx).filter(\.$eventID == eventID)
                .filter(\.$status == .registered).sort(\.$sequence).all()
                .filter { row in
                    guard let id = row.id else { return false }
                    return (attended[id]?.count ?? 0) == event.sessions && !certified.contains(id)
                }
            for registration in due {
                let certificate = Certificate()
                certificate.code = CertificateCode.make()
                (certificate.registrationID, certificate.eventID) = (try registration.requireID(), eventID)
                (certificate.holderName, certificate.eventTitle) = (registration.name, event.title)
                certificate.organizerName = organizer?.name ?? Translated()
                (certificate.eventKind, certificate.startsAt, certificate.endsAt) = (event.kind, event.startsAt, event.endsAt)
                (certificate.sessions, certificate.issuedBy, certificate.issuedAt) = (event.sessions, user.id, context.now)
                try await certificate.create(on: tx)
                try await Registrations.tell(registration, about: event, ("capacity.notice.certificate", []),
                                             context.on(tx))
            }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "event.certificates_issued",
                                      subjectType: "event", subjectID: eventID.uuidString,
                                      details: ["issued": "\(due.count)"], at: context.now)
            return due.count
        }
    }
}

/// Verification codes: twelve characters without look-alikes (no 0, O, 1, I), in three groups: `K7QM-XR4T-9HWC`.
public enum CertificateCode {
    static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// A code as someone typed it: upper case, spaces removed, dashes put back.
    public static func normalized(_ raw: String) -> String {
        let kept = raw.uppercased().filter { alphabet.contains($0) || $0.isNumber || $0.isLetter }
        guard kept.count == 12 else { return kept }
        let characters = Array(kept)
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
