import Directory
import Fluent
import Platform
import Vapor

/// Creating an event and changing it until it starts. A larger capacity promotes the waiting list at once.
public enum EventAuthoring {
    public static let maxDays = 60
    public static let maxCapacity = 10_000

    /// Every problem of the input (after `unread`, a form's fields that were not numbers), written into `event`; the
    /// trainers when there is none.
    static func validate(_ input: EventInput, unread: [FieldError] = [], into event: CapacityEvent, now: Date,
                         on db: any Database) async throws -> [UUID]
    {
        var errors = unread
        if let organizer = input.organizerID {
            if try await Organization.find(organizer, on: db) == nil {
                errors.append(FieldError("organizer_id", "validation.invalid_choice"))
            }
            event.organizerID = organizer
        } else {
            errors.append(FieldError("organizer_id", "validation.required"))
        }
        event.kind = Validate.choice(Validate.trimmed(input.kind) ?? "", field: "kind", as: EventKind.self,
                                     into: &errors) ?? .training
        event.title = Validate.translated(input.title, field: "title", max: 300, into: &errors)
        event.programme = Validate.translated(input.programme, field: "programme", max: 8000, into: &errors)
        let starts = LocalTime.required(input.startsAt, field: "starts_at", into: &errors)
        let ends = LocalTime.required(input.endsAt, field: "ends_at", into: &errors)
        if let starts, let ends {
            if ends <= starts { errors.append(FieldError("ends_at", "validation.end_before_start")) }
            else if ends.timeIntervalSince(starts) > Double(maxDays) * 86_400 {
                errors.append(FieldError("ends_at", "event.validation.too_long", "\(maxDays)"))
            }
        }
        event.startsAt = starts ?? now
        event.endsAt = ends ?? now
        event.wilayaCode = Validate.trimmed(input.wilayaCode)
        if let code = event.wilayaCode, try await Wilaya.find(code, on: db) == nil {
            errors.append(FieldError("wilaya_code", "validation.invalid_choice"))
        }
        event.address = Validate.trimmed(input.address)
        if let error = Validate.lengthError(input.address, field: "address", max: 300) { errors.append(error) }
        event.onlineURL = Validate.trimmed(input.onlineURL)
        if let error = Validate.urlError(event.onlineURL, field: "online_url") { errors.append(error) }
        // A webinar has a link; any other event a wilaya (and a link too when it is also streamed).
        if event.kind == .webinar, event.onlineURL == nil { errors.append(FieldError("online_url", "validation.required")) }
        if event.kind != .webinar, event.wilayaCode == nil { errors.append(FieldError("wilaya_code", "validation.required")) }
        event.audience = Validate.choice(Validate.trimmed(input.audience) ?? "public", field: "audience",
                                         as: EventAudience.self, into: &errors) ?? .public
        if let capacity = input.capacity {
            if !(1...maxCapacity).contains(capacity) {
                errors.append(FieldError("capacity", "validation.range", "1", "\(maxCapacity)"))
            }
            event.capacity = capacity
        } else if !errors.contains(where: { $0.field == "capacity" }) {
            errors.append(FieldError("capacity", "validation.required"))
        }
        event.registrationOpensAt = input.registrationOpensAt == nil ? min(now, event.startsAt)
            : LocalTime.required(input.registrationOpensAt, field: "registration_opens_at", into: &errors) ?? now
        event.registrationClosesAt = input.registrationClosesAt == nil ? event.startsAt
            : LocalTime.required(input.registrationClosesAt, field: "registration_closes_at", into: &errors) ?? now
        if event.registrationClosesAt > event.startsAt {
            errors.append(FieldError("registration_closes_at", "event.validation.closes_after_start"))
        } else if event.registrationClosesAt <= event.registrationOpensAt {
            errors.append(FieldError("registration_closes_at", "validation.end_before_start"))
        }
        let domains = (input.domainCodes ?? []).compactMap(Validate.trimmed).uniqued()
        if domains.count > 5 { errors.append(FieldError("domain_codes", "validation.too_many", "5")) }
        if !domains.isEmpty, try await Domain.query(on: db).filter(\.$id ~~ domains).count() != domains.count {
            errors.append(FieldError("domain_codes", "validation.invalid_choice"))
        }
        event.domainCodes = domains.joined(separator: ",")
        let trainers = (input.trainerIDs ?? []).uniqued()
        if trainers.count > 10 { errors.append(FieldError("trainer_ids", "validation.too_many", "10")) }
        if !trainers.isEmpty,
           try await Person.query(on: db).filter(\.$id ~~ trainers).filter(\.$erasedAt == nil).count() != trainers.count {
            errors.append(FieldError("trainer_ids", "validation.invalid_choice"))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return trainers
    }

    public static func create(_ input: EventInput, unread: [FieldError] = [], by user: CurrentUser,
                              _ context: ServiceContext) async throws -> CapacityEvent
    {
        let event = CapacityEvent()
        let trainers = try await validate(input, unread: unread, into: event, now: context.now, on: context.db)
        guard try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: context.db) else {
            throw CapacityError.notTheOrganizer
        }
        if event.startsAt <= context.now { throw ValidationFailure([FieldError("starts_at", "event.validation.in_past")]) }
        (event.registered, event.lastSequence, event.createdBy, event.createdAt) = (0, 0, user.id, context.now)
        try await context.db.transaction { tx in
            try await event.create(on: tx)
            let id = try event.requireID()
            try await trainers.map { EventTrainer(eventID: id, personID: $0) }.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "event.created", subjectType: "event",
                                      subjectID: id.uuidString, details: ["capacity": "\(event.capacity)"],
                                      at: context.now)
        }
        return event
    }

    /// Changes the event until it starts (its organiser stays); places added go to the waiting list in order.
    public static func update(_ event: CapacityEvent, _ input: EventInput, unread: [FieldError] = [],
                              by user: CurrentUser, _ context: ServiceContext) async throws
    {
        guard try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: context.db) else {
            throw CapacityError.notTheOrganizer
        }
        guard !event.isCancelled else { throw CapacityError.eventCancelled }
        guard context.now < event.startsAt else { throw CapacityError.started }
        var fixed = input
        fixed.organizerID = event.organizerID
        let given = fixed
        let id = try event.requireID()
        try await context.db.transaction { tx in
            // Claimed first: no registration lands between the check of the capacity and the change.
            let claimed = try await Registrations.claim(id, on: tx)
            let trainers = try await validate(given, unread: unread, into: event, now: context.now, on: tx)
            if event.capacity < claimed.registered {
                throw CapacityError.capacityBelowRegistered(registered: claimed.registered)
            }
            event.registered = claimed.registered
            event.lastSequence = claimed.lastSequence
            try await event.update(on: tx)
            try await EventTrainer.query(on: tx).filter(\.$eventID == id).delete()
            try await trainers.map { EventTrainer(eventID: id, personID: $0) }.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "event.updated", subjectType: "event",
                                      subjectID: id.uuidString, details: ["capacity": "\(event.capacity)"],
                                      at: context.now)
            try await Registrations.promote(event, context.on(tx))
        }
    }
}
