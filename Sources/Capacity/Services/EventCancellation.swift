import Fluent
import Platform
import Vapor

/// Calling an event off before it starts, by its organiser, with a reason: every person registered or waiting (and
/// whoever registered them) is told with the reason, on the site or by mail; registration, check-in, certificates
/// and feedback are refused from then on; the calendar feed marks it cancelled, so calendar apps strike it out.
/// The registrations stay, for the record of who was told.
public enum EventCancellation {
    /// An event is called off once, before it starts: checked before the page asks for the reason, and again when
    /// it is called off.
    public static func requireCallable(_ event: CapacityEvent, now: Date) throws {
        guard !event.isCancelled else { throw CapacityError.eventCancelled }
        guard now < event.startsAt else { throw CapacityError.started }
    }

    public static func cancel(_ event: CapacityEvent, reason: String?, by user: CurrentUser,
                              _ context: ServiceContext) async throws
    {
        guard try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: context.db) else {
            throw CapacityError.notTheOrganizer
        }
        try requireCallable(event, now: context.now)
        var errors: [FieldError] = []
        let reason = Validate.text(reason, field: "reason", max: 1000, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let eventID = try event.requireID()
        try await context.db.transaction { tx in
            // Claimed: no registration lands after the people to tell were read.
            _ = try await Registrations.claim(eventID, on: tx)
            guard try await CapacityEvent.find(eventID, on: tx)?.cancelledAt == nil else {
                throw CapacityError.eventCancelled
            }
            (event.cancelledAt, event.cancellationReason) = (context.now, reason)
            try await event.update(on: tx)
            let people = try await EventRegistration.query(on: tx).filter(\.$eventID == eventID)
                .filter(\.$status ~~ [.registered, .waitlisted]).sort(\.$sequence).all()
            for registration in people {
                try await Registrations.tell(registration, about: event, ("capacity.notice.event_cancelled", [reason]),
                                             context.on(tx))
            }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "event.called_off", subjectType: "event",
                                      subjectID: eventID.uuidString, details: ["told": "\(people.count)"],
                                      at: context.now)
        }
    }
}
