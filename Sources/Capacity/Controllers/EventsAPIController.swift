import Fluent
import Platform
import Vapor

/// `/api/v1/events`: list (`when`, `kind`, `wilaya`, `domain`, `organizer`), create, one, change before the start;
/// registrations (the organiser's all, anyone else's their own), register, cancel; attendance and certificates.
struct EventsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let events = routes.grouped("api", "v1", "events")
        events.get(use: list)
        events.post(use: create)
        events.get(":id", use: show)
        events.put(":id", use: update)
        events.post(":id", "cancellation", use: callOff)
        events.get(":id", "registrations", use: registrations)
        events.post(":id", "registrations", use: register)
        events.delete(":id", "registrations", ":registration", use: cancel)
        events.get(":id", "attendance", use: attendance)
        events.post(":id", "attendance", use: checkIn)
        events.post(":id", "certificates", use: certify)
        events.post(":id", "feedback", use: giveFeedback)
        events.get(":id", "feedback", use: feedback)
        routes.get("api", "v1", "indicators", ":id", "capacity-feed", use: indicatorFeed)
        routes.put("api", "v1", "indicators", ":id", "capacity-feed", use: setIndicatorFeed)
    }

    static func event(_ req: Request) async throws -> CapacityEvent {
        try await req.find(CapacityEvent.self, id: "id", orElse: CapacityError.eventNotFound)
    }

    static func registration(_ req: Request, of event: CapacityEvent) async throws -> EventRegistration {
        let found = try await req.find(EventRegistration.self, id: "registration", orElse: CapacityError.registrationNotFound)
        guard found.eventID == event.id else { throw CapacityError.registrationNotFound }
        return found
    }

    @Sendable func list(req: Request) async throws -> Paged<EventRow> {
        let page = try PageQuery(from: req)
        let (items, total) = try await EventQuery.list(try EventQuery.Filter(req), page: page, now: req.now, on: req.db)
        return Paged(items: try items.map { try EventRow($0, now: req.now) }, request: page, total: total)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await EventAuthoring.create(try req.content.decode(EventInput.self), by: user, req.service)
        return try await EventDTO.load(event, now: req.now, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> EventDTO {
        try await EventDTO.load(try await Self.event(req), now: req.now, on: req.db)
    }

    @Sendable func update(req: Request) async throws -> EventDTO {
        let user = try req.requireUser()
        let event = try await Self.event(req)
        try await EventAuthoring.update(event, try req.content.decode(EventInput.self), by: user, req.service)
        return try await EventDTO.load(event, now: req.now, on: req.db)
    }

    struct CancellationInput: Content {
        var reason: String?
    }

    /// Calls the event off before it starts, with the reason its people are told.
    @Sendable func callOff(req: Request) async throws -> EventDTO {
        let user = try req.requireUser()
        let event = try await Self.event(req)
        try await EventCancellation.cancel(event, reason: try req.content.decode(CancellationInput.self).reason, by: user,
                                           req.service)
        return try await EventDTO.load(event, now: req.now, on: req.db)
    }

    @Sendable func registrations(req: Request) async throws -> [RegistrationDTO] {
        let user = try req.requireUser()
        let event = try await Self.event(req)
        let id = try event.requireID()
        let organizer = try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: req.db)
        let rows = organizer ? try await EventQuery.registrations(id, on: req.db)
            : try await EventQuery.mine(id, user: user, on: req.db)
        let attended = try await Attendance.attended(id, on: req.db)
        let codes = try await Certificate.query(on: req.db).filter(\.$eventID == id).all()
        var result: [RegistrationDTO] = []
        for row in rows {
            let rowID = try row.requireID()
            result.append(try await RegistrationDTO.load(row, attended: attended[rowID] ?? [],
                                                         certificate: codes.first { $0.registrationID == rowID }?.code,
                                                         on: req.db))
        }
        return result
    }

    @Sendable func register(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await Self.event(req)
        let input = req.body.data == nil ? RegistrationInput() : try req.content.decode(RegistrationInput.self)
        let registration = try await Registrations.register(event, input, by: user, req.service)
        return try await RegistrationDTO.load(registration, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func cancel(req: Request) async throws -> RegistrationDTO {
        let user = try req.requireUser()
        let event = try await Self.event(req)
        let registration = try await Self.registration(req, of: event)
        try await Registrations.cancel(registration, of: event, by: user, req.service)
        return try await RegistrationDTO.load(registration, on: req.db)
    }

    struct AttendanceLine: Content {
        let registrationID: UUID
        let name: String
        let sessions: [Int]
    }

    @Sendable func attendance(req: Request) async throws -> [AttendanceLine] {
        let user = try req.requireUser()
        let event = try await Self.event(req)
        guard try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: req.db) else {
            throw CapacityError.notTheOrganizer
        }
        let id = try event.requireID()
        let attended = try await Attendance.attended(id, on: req.db)
        return try await EventQuery.registrations(id, on: req.db).filter { $0.status == .registered }.map {
            let rowID = try $0.requireID()
            return AttendanceLine(registrationID: rowID, name: $0.name, sessions: (attended[rowID] ?? []).sorted())
        }
    }

    @Sendable func checkIn(req: Request) async throws -> [AttendanceLine] {
        let user = try req.requireUser()
        let event = try await Self.event(req)
        _ = try await Attendance.record(event, try req.content.decode(AttendanceInput.self), by: user, req.service)
        return try await attendance(req: req)
    }

    struct Issued: Content {
        let issued: Int
    }

    @Sendable func certify(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let issued = try await Attendance.issueCertificates(try await Self.event(req), by: user, req.service)
        return try await Issued(issued: issued).encodeResponse(status: .created, for: req)
    }

    @Sendable func giveFeedback(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await Self.event(req)
        try await Feedback.give(event, try req.content.decode(FeedbackInput.self), by: user, req.service)
        return try await Feedback.summary(try event.requireID(), on: req.db).encodeResponse(status: .created, for: req)
    }

    /// The organiser's reading of the feedback: the average, how many found it useful, the comments (no names).
    @Sendable func feedback(req: Request) async throws -> Feedback.Summary {
        let user = try req.requireUser()
        let event = try await Self.event(req)
        guard try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: req.db) else {
            throw CapacityError.notTheOrganizer
        }
        return try await Feedback.summary(try event.requireID(), on: req.db)
    }

    struct FeedAnswer: Content {
        let indicatorID: UUID
        let metric: String?
    }

    struct FeedInput: Content {
        var metric: String?
    }

    @Sendable func indicatorFeed(req: Request) async throws -> FeedAnswer {
        let id = try req.parameters.require("id", as: UUID.self)
        let feed = try await CapacityIndicatorFeed.query(on: req.db).filter(\.$indicatorID == id).first()
        return FeedAnswer(indicatorID: id, metric: feed?.metric.rawValue)
    }

    /// Sets (`{"metric": "people_trained"}` or `associations_trained`) or removes (`{"metric": null}`) the feed.
    @Sendable func setIndicatorFeed(req: Request) async throws -> FeedAnswer {
        let user = try req.requireUser()
        let id = try req.parameters.require("id", as: UUID.self)
        var errors: [FieldError] = []
        let metric = try req.content.decode(FeedInput.self).metric.flatMap {
            Validate.choice($0, field: "metric", as: TrainingMetric.self, into: &errors)
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await StrategyFeed.set(indicatorID: id, metric: metric, by: user, on: req.db, now: req.now)
        return FeedAnswer(indicatorID: id, metric: metric?.rawValue)
    }
}
