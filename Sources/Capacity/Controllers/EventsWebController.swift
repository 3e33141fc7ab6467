import Directory
import Fluent
import Platform
import Vapor

/// The event pages under `/{lang}/events`: the list, the organiser's form (new, and changes before the start), an
/// event's page, and the calendar feed `/{lang}/events.ics` (`?wilaya=16` for one wilaya).
struct EventsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(CapacitySiteURL.events.pathComponents, use: list)
        routes.post(CapacitySiteURL.events.pathComponents, use: create)
        routes.get(CapacitySiteURL.newEvent.pathComponents, use: newForm)
        routes.get(CapacitySiteURL.calendar.pathComponents, use: calendar)
        let event = CapacitySiteURL.events.pathComponents + [":id"]
        routes.get(event, use: show)
        routes.get(event + ["edit"], use: editForm)
        routes.post(event + ["edit"], use: update)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await req.render("capacity/events", try await EventsPageContext.make(req))
    }

    func form(_ req: Request, _ state: FormState, user: CurrentUser, event: CapacityEvent?,
              domains: [String]? = nil, trainers: [String]? = nil) async throws -> Response
    {
        let body = try? req.form(EventForm.self)
        return try await req.render("capacity/event-form", try await EventFormContext.make(
            req, form: state, user: user, event: event, domains: Set(domains ?? body?.domainCodes ?? []),
            trainers: Set(trainers ?? body?.trainerIDs ?? [])))
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard EventPolicy.mayCreate(user) else { throw PlatformError.forbidden(permission: .organizeEvents) }
        return try await form(req, FormState.empty, user: user, event: nil, domains: [], trainers: [])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard EventPolicy.mayCreate(user) else { throw PlatformError.forbidden(permission: .organizeEvents) }
        return try await req.submitting(refusing: CapacityError.self) {
            let (input, unread) = try req.form(EventForm.self).input()
            let event = try await EventAuthoring.create(input, unread: unread, by: user, req.service)
            return req.seeOther(EventPageContext.path(event, req))
        } refused: { state in
            try await form(req, state, user: user, event: nil)
        }
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await EventsAPIController.event(req)
        guard try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: req.db) else {
            throw CapacityError.notTheOrganizer
        }
        let trainers = try await EventTrainer.query(on: req.db).filter(\.$eventID == event.requireID()).all()
            .map(\.personID.uuidString)
        return try await form(req, FormState.empty.showing(EventForm.values(event)), user: user, event: event,
                              domains: event.domains, trainers: trainers)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await EventsAPIController.event(req)
        return try await req.submitting(refusing: CapacityError.self) {
            let (input, unread) = try req.form(EventForm.self).input()
            try await EventAuthoring.update(event, input, unread: unread, by: user, req.service)
            return req.seeOther(EventPageContext.path(event, req))
        } refused: { state in
            try await form(req, state, user: user, event: event)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let event = try await EventsAPIController.event(req)
        // After a step, the page says what was done (`?done=registered`…); anything else is ignored.
        let done = req.query[String.self, at: "done"].flatMap { EventPageContext.doneKinds.contains($0) ? $0 : nil }
        return try await req.render("capacity/event", try await EventPageContext.make(event, forms: .init(done: done), req))
    }

    /// Public events from 90 days back, at most 500, soonest first.
    @Sendable func calendar(req: Request) async throws -> Response {
        var filter = try EventQuery.Filter(req)
        filter.publicOnly = true
        let since = req.now.addingTimeInterval(-90 * 86_400)
        var query = CapacityEvent.query(on: req.db).filter(\.$audience == .public).filter(\.$endsAt >= since)
        if let wilaya = filter.wilayaCode { query = query.filter(\.$wilayaCode == wilaya) }
        let events = try await query.sort(\.$startsAt).limit(500).all()
        let wilayas = try await Options.wilayaNames(req)
        let base = req.application.shabakaConfig.baseURL + "/" + req.language.rawValue + "/events/"
        let items = try events.map { event in
            let place = [event.address, event.wilayaCode.flatMap { wilayas[$0] }].compactMap { $0 }
                .joined(separator: req.language == .ar ? "، " : ", ")
            let programme = event.programme.resolve(in: req.language).text
            return CalendarFeed.Item(
                id: try event.requireID(), title: event.title.resolve(in: req.language).text,
                description: event.cancellationReason.map { req.t("event.cancelled_because", $0) + "\n\n" + programme }
                    ?? programme,
                startsAt: event.startsAt, endsAt: event.endsAt, location: place.isEmpty ? event.onlineURL : place,
                url: base + (try event.requireID().uuidString), createdAt: event.createdAt, cancelled: event.isCancelled)
        }
        let name = req.t("event.calendar_name") + (filter.wilayaCode.flatMap { " — " + (wilayas[$0] ?? $0) } ?? "")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"events.ics\"")
        return Response(status: .ok, headers: headers,
                        body: .init(string: CalendarFeed(name: name, items: items, now: req.now).text()))
    }
}
