import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// Registering for an event, the waiting list and cancelling. Every change claims the event's row first (an
/// update that locks it until the transaction ends), so concurrent registrations are counted one after the other
/// and never exceed the places.
public enum Registrations {
    struct Claimed {
        let registered: Int
        let lastSequence: Int
    }

    /// Locks the event's row for the rest of the transaction and reads its counters.
    static func claim(_ eventID: UUID, on tx: any Database) async throws -> Claimed {
        guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError, reason: "events need SQL") }
        guard let row = try await sql.raw("""
            UPDATE capacity_events SET last_sequence = last_sequence WHERE id = \(bind: eventID)
            RETURNING registered, last_sequence
            """).first()
        else { throw CapacityError.eventNotFound }
        return Claimed(registered: try row.decode(column: "registered", as: Int.self),
                       lastSequence: try row.decode(column: "last_sequence", as: Int.self))
    }

    static func store(_ event: CapacityEvent, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        try await sql.raw("""
            UPDATE capacity_events SET registered = \(bind: event.registered), last_sequence = \(bind: event.lastSequence)
            WHERE id = \(bind: try event.requireID())
            """).run()
    }

    /// Registers the person (oneself, or one of an association's people): a place while there is one, else the
    /// waiting list. The person and whoever registered them are told which.
    public static func register(_ event: CapacityEvent, _ input: RegistrationInput, by user: CurrentUser,
                                _ context: ServiceContext) async throws -> EventRegistration
    {
        guard !event.isCancelled else { throw CapacityError.eventCancelled }
        guard event.registrationOpen(at: context.now) else { throw CapacityError.registrationClosed }
        guard try await EventPolicy.inAudience(user, event, on: context.db) else { throw CapacityError.notInAudience }
        var errors: [FieldError] = []
        let registration = EventRegistration()
        let forSomeone = input.organizationID != nil || Validate.trimmed(input.email) != nil
        if forSomeone {
            registration.name = Validate.text(input.name, field: "name", max: 200, into: &errors)
            let email = (Validate.trimmed(input.email) ?? "").lowercased()
            if let error = Validate.emailError(email, field: "email", required: true) { errors.append(error) }
            registration.email = email
            if let organization = input.organizationID {
                if !user.may(.organizeEvents),
                   try await !Representation.represents(userID: user.id, organizationID: organization, on: context.db) {
                    errors.append(FieldError("organization_id", "validation.invalid_choice"))
                }
                registration.organizationID = organization
            } else {
                errors.append(FieldError("organization_id", "validation.required"))
            }
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            registration.userID = try await User.query(on: context.db).filter(\.$email == email)
                .filter(\.$erasedAt == nil).first()?.id
        } else {
            (registration.name, registration.email, registration.userID) = (user.displayName, user.email.lowercased(), user.id)
        }
        let eventID = try event.requireID()
        (registration.registeredBy, registration.createdAt) = (user.id, context.now)
        let stored: EventRegistration = try await context.db.transaction { tx in
            let claimed = try await claim(eventID, on: tx)
            let row = try await EventRegistration.query(on: tx).filter(\.$eventID == eventID)
                .filter(\.$email == registration.email).first() ?? registration
            if row.id != nil, row.status != .cancelled { throw CapacityError.alreadyRegistered }
            if row.id != nil {
                (row.name, row.organizationID, row.registeredBy) = (registration.name, registration.organizationID, user.id)
                (row.userID, row.createdAt, row.cancelledAt, row.promotedAt) = (registration.userID, context.now, nil, nil)
            }
            (event.registered, event.lastSequence) = (claimed.registered, claimed.lastSequence + 1)
            row.eventID = eventID
            row.sequence = event.lastSequence
            row.status = event.registered < event.capacity ? .registered : .waitlisted
            if row.status == .registered { event.registered += 1 }
            try await row.save(on: tx)
            try await store(event, on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "event.registered", subjectType: "event",
                                      subjectID: eventID.uuidString,
                                      details: ["registration": try row.requireID().uuidString,
                                                "status": row.status.rawValue], at: context.now)
            let place = row.status == .waitlisted ? try await position(of: row, on: tx) : nil
            try await tell(row, about: event, place.map { ("capacity.notice.waitlisted", ["\($0)"]) }
                ?? ("capacity.notice.registered", []), context.on(tx))
            return row
        }
        return stored
    }

    /// The place (1, 2, …) of a waiting registration in the waiting list.
    public static func position(of registration: EventRegistration, on db: any Database) async throws -> Int {
        try await EventRegistration.query(on: db).filter(\.$eventID == registration.eventID)
            .filter(\.$status == .waitlisted).filter(\.$sequence <= registration.sequence).count()
    }

    /// Whether the person may cancel or see this registration: the person registered, whoever registered them, the
    /// organiser.
    public static func mayHandle(_ registration: EventRegistration, of event: CapacityEvent, _ user: CurrentUser,
                                 on db: any Database) async throws -> Bool
    {
        if registration.userID == user.id || registration.registeredBy == user.id { return true }
        return try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: db)
    }

    /// Cancels a registration until the event starts; a place freed goes to the first of the waiting list.
    public static func cancel(_ registration: EventRegistration, of event: CapacityEvent, by user: CurrentUser,
                              _ context: ServiceContext) async throws
    {
        guard try await mayHandle(registration, of: event, user, on: context.db) else { throw CapacityError.notYours }
        guard context.now < event.startsAt else { throw CapacityError.started }
        let eventID = try event.requireID()
        try await context.db.transaction { tx in
            let claimed = try await claim(eventID, on: tx)
            guard let row = try await EventRegistration.find(registration.requireID(), on: tx),
                  row.status != .cancelled else { throw CapacityError.notRegistered }
            (event.registered, event.lastSequence) = (claimed.registered, claimed.lastSequence)
            if row.status == .registered { event.registered -= 1 }
            (row.status, row.cancelledAt) = (.cancelled, context.now)
            try await row.update(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "event.cancelled", subjectType: "event",
                                      subjectID: eventID.uuidString,
                                      details: ["registration": try row.requireID().uuidString], at: context.now)
            try await promote(event, context.on(tx))
            (registration.status, registration.cancelledAt) = (row.status, row.cancelledAt)
        }
    }

    /// Gives the free places to the waiting list in order, telling each person promoted. Runs inside the
    /// transaction that claimed the event, with `event.registered` read from the claim.
    static func promote(_ event: CapacityEvent, _ context: ServiceContext) async throws {
        let free = event.capacity - event.registered
        if free > 0 {
            let next = try await EventRegistration.query(on: context.db).filter(\.$eventID == event.requireID())
                .filter(\.$status == .waitlisted).sort(\.$sequence).limit(free).all()
            for row in next {
                (row.status, row.promotedAt) = (.registered, context.now)
                try await row.update(on: context.db)
                event.registered += 1
                try await tell(row, about: event, ("capacity.notice.promoted", []), context)
            }
        }
        try await store(event, on: context.db)
    }

    /// Tells the person (on the site when they have an account, else by mail) and whoever registered them.
    static func tell(_ registration: EventRegistration, about event: CapacityEvent,
                     _ message: (key: String, arguments: [String]), _ context: ServiceContext) async throws
    {
        let link = "events/" + (try event.requireID().uuidString)
        let recipients = [registration.userID, registration.registeredBy].compactMap { $0 }.uniqued()
        try await context.notify(recipients, message.key, arguments: [registration.name] + message.arguments,
                                 localized: [event.title], link: link)
        guard registration.userID == nil else { return }
        let catalog = context.messaging.catalog
        let language = SiteLanguage.default
        let text = catalog.sentence(message.key, in: language,
                                    arguments: [registration.name] + message.arguments
                                        + [event.title.resolve(in: language).text])
        let url = context.messaging.baseURL + "/" + language.rawValue + "/" + link
        try await Outbox.enqueue(to: registration.email, subject: catalog.text("mail.notification.subject", in: language),
                                 body: catalog.text("mail.notification.body", in: language,
                                                    arguments: [registration.name, text, url]),
                                 kind: "notification", on: context.db, at: context.now)
    }
}
