import Directory
import Fluent
import Platform
import Vapor

/// The list of events: upcoming or past, by kind and wilaya, with the calendar feed's address.
struct EventsPageContext: Encodable {
    struct Line: Encodable {
        let id: String
        let title: LocalizedText
        let kind: String
        let startsAt: Date
        let endsAt: Date
        let place: String
        let online: Bool
        let placesLeft: Int
        let open: Bool
        let cancelled: Bool
    }

    let page: PageMeta
    let events: [Line]
    let total: Int
    let pagination: PaginationView
    let past: Bool
    let kinds: [ChoiceOption]
    let wilayas: [ChoiceOption]
    let feed: String
    let canCreate: Bool

    static func make(_ req: Request) async throws -> EventsPageContext {
        let pageQuery = try PageQuery(from: req)
        let filter = try EventQuery.Filter(req)
        let (rows, total) = try await EventQuery.list(filter, page: pageQuery, now: req.now, on: req.db)
        let wilayaNames = try await Options.wilayaNames(req)
        let feed = CapacitySiteURL.calendar.path(in: req.language) + (filter.wilayaCode.map { "?wilaya=" + $0 } ?? "")
        return EventsPageContext(
            page: try await PageMeta.make(for: req, titleKey: filter.when == .past ? "event.past_title" : "event.list_title"),
            events: try rows.map {
                Line(id: try $0.requireID().uuidString, title: LocalizedText($0.title, in: req.language),
                     kind: $0.kind.rawValue, startsAt: $0.startsAt, endsAt: $0.endsAt,
                     place: $0.wilayaCode.flatMap { wilayaNames[$0] } ?? "", online: $0.onlineURL != nil,
                     placesLeft: max(0, $0.capacity - $0.registered), open: $0.registrationOpen(at: req.now),
                     cancelled: $0.isCancelled)
            },
            total: total,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path, query: filter.query),
            past: filter.when == .past,
            kinds: ChoiceOption.cases(EventKind.self, key: "event.kind", selected: filter.kind?.rawValue, req),
            wilayas: try await Options.wilayas(req, selected: filter.wilayaCode),
            feed: feed, canCreate: EventPolicy.mayCreate(req.currentUser))
    }
}

/// The organiser's form: a new event, or changes before it starts.
struct EventFormContext: Encodable {
    let page: PageMeta
    let form: FormState
    let action: String
    let editing: Bool
    let organizers: [ChoiceOption]
    let kinds: [ChoiceOption]
    let audiences: [ChoiceOption]
    let wilayas: [ChoiceOption]
    let domains: [ChoiceOption]
    let trainers: [ChoiceOption]

    static func make(_ req: Request, form: FormState, user: CurrentUser, event: CapacityEvent?,
                     domains: Set<String>, trainers: Set<String>) async throws -> EventFormContext
    {
        let organizers = try await EventPolicy.organizers(for: user, on: req.db)
        let experts = try await Person.query(on: req.db).filter(\.$kind ~~ [.expert, .academic, .specialist])
            .filter(\.$isPublic == true).filter(\.$erasedAt == nil).sort(\.$displayName).limit(200).all()
        return EventFormContext(
            page: try await PageMeta.make(for: req, titleKey: event == nil ? "event.new_title" : "event.edit_title"),
            form: form,
            action: event.map { EventPageContext.path($0, req) + "/edit" } ?? CapacitySiteURL.events.path(in: req.language),
            editing: event != nil,
            organizers: try organizers.map {
                let id = try $0.requireID().uuidString
                return ChoiceOption(value: id, label: LocalizedText($0.name, in: req.language).text,
                                    selected: form.values["organizer_id"] == id)
            },
            kinds: ChoiceOption.cases(EventKind.self, key: "event.kind", selected: form.values["kind"] ?? "training", req),
            audiences: ChoiceOption.cases(EventAudience.self, key: "event.audience",
                                          selected: form.values["audience"] ?? "public", req),
            wilayas: try await Options.wilayas(req, selected: form.values["wilaya_code"]),
            domains: try await Options.domains(req, selected: domains),
            trainers: try experts.map {
                let id = try $0.requireID().uuidString
                return ChoiceOption(value: id, label: $0.displayName, selected: trainers.contains(id))
            })
    }
}
