import Fluent
import Platform
import Vapor

/// The forms of an event's page: registering oneself or an association's person, cancelling, the organiser's
/// check-in sheet and certificates. A refused step comes back on the page at its form.
struct EventStepsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let event = CapacitySiteURL.events.pathComponents + [":id"]
        routes.post(event + ["register"], use: register)
        routes.post(event + ["register-other"], use: registerOther)
        routes.post(event + ["registrations", ":registration", "cancel"], use: cancel)
        routes.post(event + ["attendance"], use: attendance)
        routes.post(event + ["certificates"], use: certify)
        routes.post(event + ["feedback"], use: feedback)
        routes.post(event + ["cancel"], use: callOff)
    }

    func page(_ req: Request, _ event: CapacityEvent, _ forms: EventPageContext.Forms) async throws -> Response {
        try await req.render("capacity/event", try await EventPageContext.make(event, forms: forms, req))
    }

    func done(_ req: Request, _ event: CapacityEvent, _ key: String, anchor: String) -> Response {
        req.seeOther(EventPageContext.path(event, req) + "?done=" + key + "#" + anchor)
    }

    @Sendable func register(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await EventsAPIController.event(req)
        return try await req.submitting(refusing: CapacityError.self) {
            let row = try await Registrations.register(event, RegistrationInput(), by: user, req.service)
            return done(req, event, row.status.rawValue, anchor: "mine")
        } refused: { state in
            try await page(req, event, .init(register: state))
        }
    }

    @Sendable func registerOther(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await EventsAPIController.event(req)
        return try await req.submitting(refusing: CapacityError.self) {
            let row = try await Registrations.register(event, try req.input(RegistrationForm.self), by: user,
                                                       req.service)
            return done(req, event, row.status.rawValue, anchor: "mine")
        } refused: { state in
            try await page(req, event, .init(registerOther: state.prefixed("other-")))
        }
    }

    /// Confirmed first: the place goes to the next person waiting.
    @Sendable func cancel(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await EventsAPIController.event(req)
        let registration = try await EventsAPIController.registration(req, of: event)
        let confirmation = Confirmation(
            action: req.t("event.cancel"), subject: LocalizedText(event.title, in: req.language).text,
            lines: [req.t("event.cancel_explain", registration.name)],
            back: EventPageContext.path(event, req) + "#mine")
        return try await req.confirming(confirmation, confirmed: try req.form(StepForm.self).isConfirmed) {
            try await Registrations.cancel(registration, of: event, by: user, req.service)
            return done(req, event, "cancelled", anchor: "mine")
        }
    }

    /// The organiser calls the event off: confirmed first, with the reason every person registered or waiting is told.
    @Sendable func callOff(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await EventsAPIController.event(req)
        guard try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: req.db) else {
            throw CapacityError.notTheOrganizer
        }
        let people = try await EventRegistration.query(on: req.db).filter(\.$eventID == event.requireID())
            .filter(\.$status ~~ [.registered, .waitlisted]).count()
        let label = req.t("event.call_off_reason")
        let confirmation = Confirmation(
            action: req.t("event.call_off"), subject: LocalizedText(event.title, in: req.language).text,
            lines: [req.t("event.call_off_explain"), req.tn("event.call_off_told", people)],
            back: EventPageContext.path(event, req)
        ) { form in [FormFieldView("reason", label: label, in: form, rows: 3, required: true)] }
        let form = try req.form(StepForm.self)
        return try await req.submitting(refusing: CapacityError.self) {
            // What would refuse it anyway is said on the event's page, before any question.
            try EventCancellation.requireCallable(event, now: req.now)
            return try await req.confirming(confirmation, confirmed: form.isConfirmed) {
                try await EventCancellation.cancel(event, reason: try req.form(CancellationForm.self).reason, by: user,
                                                   req.service)
                return done(req, event, "called_off", anchor: "main")
            }
        } refused: { state in
            try await page(req, event, .init(callOff: state))
        }
    }

    @Sendable func attendance(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await EventsAPIController.event(req)
        return try await req.submitting(refusing: CapacityError.self) {
            _ = try await Attendance.record(event, try req.input(AttendanceForm.self), by: user, req.service)
            return done(req, event, "attendance", anchor: "attendance")
        } refused: { state in
            try await page(req, event, .init(attendance: state))
        }
    }

    @Sendable func certify(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await EventsAPIController.event(req)
        return try await req.submitting(refusing: CapacityError.self) {
            _ = try await Attendance.issueCertificates(event, by: user, req.service)
            return done(req, event, "certificates", anchor: "certificates")
        } refused: { state in
            try await page(req, event, .init(steps: state))
        }
    }

    @Sendable func feedback(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await EventsAPIController.event(req)
        return try await req.submitting(refusing: CapacityError.self) {
            try await Feedback.give(event, try req.input(FeedbackForm.self), by: user, req.service)
            return done(req, event, "feedback", anchor: "feedback")
        } refused: { state in
            try await page(req, event, .init(feedback: state.prefixed("feedback-").grouping("rating")))
        }
    }
}
