import Directory
import Fluent
import Platform
import Vapor

/// The processes: the list, a process's page (what is open now and until when, its rules, its proposals and
/// debates), the organiser's form, following, and publishing the answers.
struct ProcessesWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ParticipationSiteURL.processes.pathComponents, use: list)
        routes.get(ParticipationSiteURL.newProcess.pathComponents, use: newForm)
        routes.post(ParticipationSiteURL.processes.pathComponents, use: create)
        let process = ParticipationSiteURL.processes.pathComponents + [":process"]
        routes.get(process, use: show)
        routes.get(process + ["edit"], use: editForm)
        routes.post(process + ["edit"], use: update)
        routes.post(process + ["follow"], use: follow)
        routes.post(process + ["answers"], use: publishAnswers)
    }

    static func process(_ req: Request) async throws -> ParticipatoryProcess {
        try await req.find(ParticipatoryProcess.self, "process", orElse: ParticipationError.processNotFound)
    }

    /// The process of the `:process` parameter as the room's cache holds it, current as of this request.
    static func snapshot(_ req: Request) async throws -> ParticipationCache.ProcessSnapshot {
        guard let key = req.parameters.get("process"),
              let snapshot = try await req.application.participationCache.process(key, on: req.db)
        else { throw ParticipationError.processNotFound }
        return snapshot
    }

    static func path(_ process: ParticipatoryProcess, _ req: Request) -> String {
        ParticipationSiteURL.processes.path(in: req.language) + "/" + process.slug
    }

    struct ListLine: Encodable {
        let slug: String
        let title: LocalizedText
        let organizer: String
        let scope: String
        let now: String
        let openNow: String?
        let proposals: Int
    }

    struct ListContext: Encodable {
        let page: PageMeta
        let processes: [ListLine]
        let total: Int
        let canCreate: Bool
        let pagination: PaginationView
    }

    @Sendable func list(req: Request) async throws -> Response {
        let pageQuery = try PageQuery(from: req)
        let total = try await ParticipatoryProcess.query(on: req.db).count()
        let processes = try await ParticipatoryProcess.query(on: req.db).sort(\.$createdAt, .descending).sort(\.$id)
            .range(pageQuery.range).with(\.$phases).all()
        var lines: [ListLine] = []
        for process in processes {
            let view = try await ProcessView.make(process, phases: process.phases.sorted { $0.position < $1.position },
                                                  organizerView: false, req)
            let proposals = try await Proposal.query(on: req.db).filter(\.$processID == (try process.requireID()))
                .filter(\.$state != .draft).filter(\.$pendingModeration == false).count()
            lines.append(ListLine(slug: view.slug, title: view.title, organizer: view.organizer, scope: view.scope,
                                  now: view.now, openNow: view.openNow, proposals: proposals))
        }
        return try await req.render("participation/processes", ListContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.processes_title"), processes: lines, total: total,
            canCreate: try await Self.mayCreate(req),
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path)))
    }

    static func mayCreate(_ req: Request) async throws -> Bool {
        guard let user = req.currentUser else { return false }
        if user.may(.manageProcesses) { return true }
        guard user.may(.representOrganizations) else { return false }
        return !(try await Representation.verifiedOrganizations(of: user.id, on: req.db)).isEmpty
    }

    struct ShowContext: Encodable {
        let page: PageMeta
        let process: ProcessView
        let isOrganizer: Bool
        let following: Bool
        let canPropose: Bool
        let canDebate: Bool
        let proposals: [String]
        let proposalTotal: Int
        let debates: [DebateLine]
        let pendingAnswers: Int
        let answersForm: FormState
        let today: String
    }

    struct DebateLine: Encodable {
        let id: String
        let title: String
        let comments: Int
        let closed: Bool
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, process: try await Self.process(req), answersForm: .empty)
    }

    func render(_ req: Request, process: ParticipatoryProcess, answersForm: FormState,
                status: HTTPResponseStatus = .ok) async throws -> Response
    {
        let phases = try await ProcessService.phases(of: process, on: req.db)
        let isOrganizer = try await ParticipationPolicy.isOrganizer(req.currentUser, of: process, on: req.db)
        let view = try await ProcessView.make(process, phases: phases, organizerView: isOrganizer, req)
        let id = try process.requireID()
        var filter = ProposalFilter()
        filter.processID = id
        filter.sort = view.countsShown ? .mostEndorsed : .recent
        let shown = view.countsShown
        let (rows, total) = try await ProposalList.page(filter, viewer: req.currentUser, countsShown: { _ in shown },
                                                        page: PageQuery(number: 1, size: 5), on: req.db)
        let debates = try await Debate.query(on: req.db).filter(\.$processID == id).filter(\.$pendingModeration == false)
            .filter(\.$hiddenAt == nil).sort(\.$createdAt, .descending).limit(5).all()
        let following = try await req.currentUser.asyncMap {
            try await FollowService.find(.process, id, userID: $0.id, on: req.db)
        } != nil
        let pending = isOrganizer ? try await Proposal.query(on: req.db).filter(\.$processID == id)
            .filter(\.$answerState != nil).filter(\.$answerPublishedAt == nil).count() : 0
        let page = try await PageMeta.make(for: req, titleKey: "participation.process_title", view.title.text)
        return try await req.render("participation/process", ShowContext(
            page: page, process: view, isOrganizer: isOrganizer, following: following,
            canPropose: req.currentUser != nil && view.openings.contains(PhaseOpening.propose.rawValue),
            canDebate: req.currentUser != nil && (isOrganizer || view.openings.contains(PhaseOpening.debate.rawValue)),
            proposals: try await ProposalCard.make(rows, req), proposalTotal: total,
            debates: try debates.map { DebateLine(id: try $0.requireID().uuidString, title: $0.title,
                                                  comments: $0.commentCount, closed: $0.closedAt != nil) },
            pendingAnswers: pending, answersForm: answersForm.prefixed("answers-"), today: ISODate.string(req.now)),
            status: status)
    }

    struct FormContext: Encodable {
        let page: PageMeta
        let form: FormState
        let action: String
        let editing: Bool
        let organizers: [ChoiceOption]
        let wilayas: [ChoiceOption]
        let phaseRows: [PhaseRow]
    }

    struct PhaseRow: Encodable {
        let index: Int
        let number: String
        let kinds: [ChoiceOption]
        let startsOn: String
        let endsOn: String
        let kindError: String?
        let startsOnError: String?
        let endsOnError: String?
    }

    func renderForm(_ req: Request, form: FormState, process: ParticipatoryProcess?, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let user = try req.requireUser()
        let organizations: [Organization] = user.may(.manageProcesses)
            ? try await Organization.query(on: req.db).filter(\.$verification == .verified).sort(\.$sortName).all()
            : try await Representation.verifiedOrganizations(of: user.id, on: req.db)
        let scope = Set((form.values.keys.filter { $0.hasPrefix("scope_wilayas") }).compactMap { form.values[$0] })
            .union(process?.wilayaScope ?? [])
        let wilayas = try await req.referenceData().wilayas.map {
            ChoiceOption(value: $0.code, label: "\($0.code) — \($0.name(in: req.language))", selected: scope.contains($0.code))
        }
        let titleKey = process == nil ? "participation.new_process" : "participation.edit_process"
        let page = try await PageMeta.make(for: req, titleKey: titleKey)
        return try await req.render("participation/process-form", FormContext(
            page: page, form: form.grouping("scope_wilayas"),
            action: process.map { Self.path($0, req) + "/edit" } ?? ParticipationSiteURL.processes.path(in: req.language),
            editing: process != nil,
            organizers: ChoiceOption.records(organizations, label: \.name, selected: form.values["organizer_id"], req),
            wilayas: wilayas,
            phaseRows: (0..<ProcessForm.rows).map { index in
                PhaseRow(index: index, number: NumberText.integer(index + 1, in: req.language),
                         kinds: ChoiceOption.cases(PhaseKind.self, key: "participation.phase",
                                                   selected: form.values["phases_\(index)_kind"], req),
                         startsOn: form.values["phases_\(index)_starts_on"] ?? "",
                         endsOn: form.values["phases_\(index)_ends_on"] ?? "",
                         kindError: form.errors["phases_\(index)_kind"], startsOnError: form.errors["phases_\(index)_starts_on"],
                         endsOnError: form.errors["phases_\(index)_ends_on"])
            }), status: status)
    }

    /// The posted form as an input; fields that are not numbers are refused with every other problem of the form.
    static func input(_ req: Request, existing: ParticipatoryProcess?) async throws -> ProcessInput {
        let (input, unread) = try req.form(ProcessForm.self).input()
        guard unread.isEmpty else {
            let others = try await ProcessService.validate(input, existing: existing.map { _ in ParticipatoryProcess() },
                                                           on: req.db).2
            throw ValidationFailure(unread + others.filter { error in !unread.contains { $0.field == error.field } })
        }
        return input
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        _ = try req.requireUser()
        guard try await Self.mayCreate(req) else { throw PlatformError.forbidden(permission: .manageProcesses) }
        return try await renderForm(req, form: FormState(values: ["endorsement_threshold": "100", "counts_visible": "1",
                                                                   "stances": "1"], errors: [:]), process: nil)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submitting {
            let input = try await Self.input(req, existing: nil)
            let process = try await ProcessService.create(input, by: user, on: req.db, now: req.now)
            return req.seeOther(Self.path(process, req))
        } refused: { form in
            try await renderForm(req, form: form, process: nil)
        }
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let process = try await Self.process(req)
        try await ParticipationPolicy.requireOrganizer(user, of: process, on: req.db)
        let phases = try await ProcessService.phases(of: process, on: req.db)
        return try await renderForm(req, form: FormState(values: ProcessForm.values(process, phases: phases), errors: [:]),
                                    process: process)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let process = try await Self.process(req)
        return try await req.submitting {
            let input = try await Self.input(req, existing: process)
            try await ProcessService.update(process, input, by: user, on: req.db, now: req.now, messaging: req.messaging)
            return req.seeOther(Self.path(process, req))
        } refused: { form in
            try await renderForm(req, form: form, process: process)
        }
    }

    struct FollowForm: Decodable {
        var action: String?
    }

    @Sendable func follow(req: Request) async throws -> Response {
        let process = try await Self.process(req)
        return try await Self.following(.process, try process.requireID(), req, back: Self.path(process, req))
    }

    /// The follow button of a page: `action=follow` or `unfollow`, then back to the page.
    static func following(_ type: FollowSubject, _ id: UUID, _ req: Request, back: String) async throws -> Response {
        let user = try req.requireUser()
        if try req.form(FollowForm.self).action == "unfollow" {
            try await FollowService.unfollow(type, id, userID: user.id, on: req.db)
        } else {
            try await FollowService.follow(type, id, userID: user.id, on: req.db, now: req.now)
        }
        return req.seeOther(back)
    }

    struct AnswersForm: Decodable {
        var publishOn: String?
    }

    @Sendable func publishAnswers(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let process = try await Self.process(req)
        return try await req.submitting {
            _ = try await AnswerService.publishAll(in: process, on: try req.form(AnswersForm.self).publishOn, by: user,
                                                   on: req.db, now: req.now, messaging: req.messaging)
            return req.seeOther(Self.path(process, req))
        } refused: { form in
            try await render(req, process: process, answersForm: form)
        }
    }
}

/// A proposal in a list: its title, state, place, counts and whether the viewer supports it.
