import Directory
import Fluent
import Platform
import Projects
import Vapor

/// Proposals: a process's list and the new-proposal form; one proposal's page with its text, support, answer,
/// study and comments, and every step taken from it.
struct ProposalsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let processProposals = ParticipationSiteURL.processes.pathComponents + [":process", "proposals"]
        routes.get(processProposals, use: list)
        routes.get(processProposals + ["new"], use: newForm)
        routes.post(processProposals, use: create)
        let proposal = ParticipationSiteURL.proposals.pathComponents + [":id"]
        routes.get(proposal, use: show)
        routes.post(proposal + ["edit"], use: edit)
        routes.post(proposal + ["transitions"], use: step)
        routes.post(proposal + ["endorsement"], use: endorse)
        routes.post(proposal + ["assisted"], use: assisted)
        routes.post(proposal + ["evaluators"], use: assign)
        routes.post(proposal + ["evaluation"], use: evaluate)
        routes.post(proposal + ["answer"], use: answer)
        routes.post(proposal + ["merge"], use: merge)
        routes.post(proposal + ["project"], use: makeProject)
        routes.post(proposal + ["follow"], use: follow)
    }

    static func proposal(_ req: Request) async throws -> Proposal {
        let proposal = try await req.find(Proposal.self, id: "id", orElse: ParticipationError.proposalNotFound)
        try await requireVisible(proposal, process: nil, req)
        return proposal
    }

    /// A draft is its author's until published (its existence is not confirmed either); so is one waiting for a
    /// moderator, except to moderators.
    static func requireVisible(_ proposal: Proposal, process known: ParticipatoryProcess?, _ req: Request) async throws {
        let mine = req.currentUser != nil && proposal.authorID == req.currentUser?.id
        if proposal.state == .draft, !mine { throw ParticipationError.proposalNotFound }
        if proposal.pendingModeration, !mine {
            let process: ParticipatoryProcess? = if let known { known } else {
                try await ParticipatoryProcess.find(proposal.processID, on: req.db)
            }
            guard let process, try await ProposalPageContext.mayModerate(req.currentUser, process: process, req)
            else { throw ParticipationError.proposalNotFound }
        }
    }

    static func path(_ proposal: Proposal, _ req: Request) throws -> String {
        ParticipationSiteURL.proposals.path(in: req.language) + "/" + (try proposal.requireID()).uuidString
    }

    // MARK: list

    struct ListContext: Encodable {
        let page: PageMeta
        let process: ProcessHeading
        let processPath: String
        let filter: [String: String]
        // The filters' choices, written as `<option>` elements (58 wilayas are costly to pass as data).
        let states: String
        let wilayas: String
        let domains: String
        let sorts: String
        let proposals: [String]
        let total: Int
        let signedIn: Bool
        let canPropose: Bool
        let pagination: PaginationView
    }

    @Sendable func list(req: Request) async throws -> Response {
        let snapshot = try await ProcessesWebController.snapshot(req)
        let process = snapshot.process
        var filter = try await ProposalFilter.from(req)
        filter.processID = snapshot.id
        let isOrganizer = try await ParticipationPolicy.isOrganizer(req.currentUser, of: process, on: req.db)
        let view = try await ProcessView.make(snapshot, organizerView: isOrganizer, req)
        // Hidden counts are not revealed by an order either.
        if !view.countsShown, filter.sort == .mostEndorsed { filter.sort = .recent }
        let pageQuery = try PageQuery(from: req)
        let shown = view.countsShown
        let index = try await req.application.participationCache.index(snapshot.id, revision: snapshot.revision, on: req.db)
        let (rows, total) = try await ProposalList.page(filter, viewer: req.currentUser, countsShown: { _ in shown },
                                                        page: pageQuery, index: index, on: req.db)
        // Readers in the same state (roles, organising or not, notifications, which of these proposals they
        // support) share the page kept for this address at this revision of the process and day.
        let cache = req.application.participationCache
        let unread = try await PageMeta.unreadCount(for: req)
        let key = (["proposal-list", req.language.rawValue, req.url.string, String(snapshot.revision), String(snapshot.names),
                    ISODate.string(req.now),
                    req.currentUser.map { $0.roles.map(\.rawValue).sorted().joined(separator: ",") } ?? "anonymous",
                    isOrganizer ? "organizer" : "", String(unread),
                    PageMeta.csrf(for: req).isEmpty ? "" : "session",
                    // Their own proposals, or those they support, are theirs alone.
                    filter.mine || filter.endorsed ? req.currentUser?.id.uuidString ?? "" : ""]
                   + rows.filter(\.endorsedByViewer).map(\.id.uuidString)).joined(separator: "\u{1F}")
        if let page = cache.page(key) { return page.response(for: req) }
        let sorts = ProposalFilter.Sort.allCases.filter { shown || $0 != .mostEndorsed }
        let rendered = try await req.view.render("participation/proposals", ListContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.proposals_title", view.title.text),
            process: ProcessHeading(view), processPath: ProcessesWebController.path(process, req), filter: filter.parameters,
            states: ChoiceOption.html(ChoiceOption.cases(ProposalState.self, key: "participation.proposal_state",
                                                         selected: filter.state?.rawValue, req)
                .filter { $0.value != ProposalState.draft.rawValue }),
            wilayas: ChoiceOption.html(try await Options.wilayas(req, selected: filter.wilaya)),
            domains: ChoiceOption.html(try await Options.domains(req, selected: [filter.domain ?? ""])),
            sorts: ChoiceOption.html(sorts.map { ChoiceOption(value: $0.rawValue, label: req.t("participation.sort." + $0.rawValue),
                                                              selected: $0 == filter.sort) }),
            proposals: try await ProposalCard.make(rows, req), total: total, signedIn: req.currentUser != nil,
            canPropose: req.currentUser != nil && view.openings.contains(PhaseOpening.propose.rawValue),
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path, query: filter.parameters)))
        // Kept only if what the key says of the reader still holds once rendered (the unread count is read again).
        if try await PageMeta.unreadCount(for: req) == unread { cache.storePage(key, ReusablePage(String(buffer: rendered.data))) }
        return try await rendered.encodeResponse(for: req)
    }

    // MARK: new

    struct NewContext: Encodable {
        let page: PageMeta
        let process: ProcessView
        let processPath: String
        let form: FormState
        let wilayas: [ChoiceOption]
        let domains: [ChoiceOption]
        let organizations: [ChoiceOption]
        let titleMin: String
        let titleMax: String
        let titleMaxLength: Int
    }

    func renderNew(_ req: Request, process: ParticipatoryProcess, form: FormState) async throws -> Response {
        let user = try req.requireUser()
        let phases = try await ProcessService.phases(of: process, on: req.db)
        let view = try await ProcessView.make(process, phases: phases, organizerView: false, req)
        let wilayas = try await Options.wilayas(req, selected: form.values["wilaya_code"])
            .filter { process.isNational || process.wilayaScope.contains($0.value) }
        return try await req.render("participation/proposal-new", NewContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.new_proposal"), process: view,
            processPath: ProcessesWebController.path(process, req), form: form, wilayas: wilayas,
            domains: try await Options.domains(req, selected: [form.values["domain_code"] ?? ""]),
            organizations: ChoiceOption.records(try await Representation.verifiedOrganizations(of: user.id, on: req.db),
                                                label: \.name, selected: form.values["organization_id"], req),
            titleMin: NumberText.integer(ProposalService.titleLength.lowerBound, in: req.language),
            titleMax: NumberText.integer(ProposalService.titleLength.upperBound, in: req.language),
            titleMaxLength: ProposalService.titleLength.upperBound))
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        _ = try req.requireUser()
        let process = try await ProcessesWebController.process(req)
        try await ProcessService.requireOpen(.propose, in: process, on: req.db, now: req.now)
        return try await renderNew(req, process: process, form: .empty)
    }

    /// Saves a draft and shows it with the proposals that look like it, before it is published.
    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let process = try await ProcessesWebController.process(req)
        return try await req.submitting {
            let input = try req.form(ProposalForm.self).input(process: try process.requireID())
            let proposal = try await ProposalService.create(input, by: user, on: req.db, now: req.now)
            return req.seeOther(try Self.path(proposal, req))
        } refused: { form in
            try await renderNew(req, process: process, form: form)
        }
    }

    // MARK: page

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, forms: ProposalPageForms(), reusable: true)
    }

    /// `reusable`: the page shows no form sent back (a plain view), so a reader in the same state as an earlier
    /// one is given the page kept for them (``ProposalPageCache``).
    func render(_ req: Request, forms: ProposalPageForms, reusable: Bool = false) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self),
              let (snapshot, revisions) = try await ProposalSnapshot.load(id, req)
        else { throw ParticipationError.proposalNotFound }
        try await Self.requireVisible(snapshot.proposal, process: snapshot.process.process, req)
        let cache = req.application.participationCache
        let key = reusable ? try await ProposalPageCache.key(snapshot, revisions: revisions, req) : nil
        if let key, let page = cache.page(key) { return page.response(for: req) }
        let order = CommentThread.Order(rawValue: req.query[String.self, at: "order"] ?? "") ?? .oldest
        let context = try await ProposalPageContext.make(snapshot, revisions: revisions, forms: forms,
                                                         commentsPage: try PageQuery(from: req, parameter: "comments_page"),
                                                         order: order, req)
        let view = try await req.view.render("participation/proposal", context)
        // Kept only if the reader's state read for the key still holds once rendered (following, support and
        // notifications have no revision of their own).
        if let key, try await ProposalPageCache.key(snapshot, revisions: revisions, req) == key {
            cache.storePage(key, ReusablePage(String(buffer: view.data)))
        }
        return try await view.encodeResponse(for: req)
    }

    /// Runs `work` on the proposal, then back to its page; refused input shows the page again with `form` set.
    func acting(_ req: Request, anchor: String = "", _ work: @escaping (Proposal, CurrentUser) async throws -> Void,
                refused: @escaping (inout ProposalPageForms, FormState) -> Void) async throws -> Response
    {
        let user = try req.requireUser()
        let proposal = try await Self.proposal(req)
        return try await req.submitting {
            try await work(proposal, user)
            return req.seeOther(try Self.path(proposal, req) + anchor)
        } refused: { form in
            var forms = ProposalPageForms()
            refused(&forms, form)
            return try await render(req, forms: forms)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        try await acting(req) { proposal, user in
            let form = try req.form(ProposalForm.self)
            try await ProposalService.edit(proposal, form.input(process: proposal.processID), reason: form.reason, by: user,
                                           on: req.db, now: req.now, messaging: req.messaging)
        } refused: { $0.edit = $1 }
    }

    @Sendable func step(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let proposal = try await Self.proposal(req)
        let form = try req.form(StepForm.self)
        let action = form.action ?? ""
        let confirmation = StepConfirmation(subject: proposal.title, back: try Self.path(proposal, req))
        return try await req.takingStep(ParticipationWorkflows.proposal, from: proposal.state, form: form,
                                        confirmation: confirmation) {
            switch action {
            case "publish": try await ProposalService.publish(proposal, by: user, on: req.db, now: req.now)
            case "withdraw": try await ProposalService.withdraw(proposal, by: user, on: req.db, now: req.now,
                                                                  messaging: req.messaging)
            default: throw WorkflowError.unknownAction(action)
            }
            return req.seeOther(try Self.path(proposal, req))
        } refused: { state in
            var forms = ProposalPageForms()
            forms.step = .init(action: action, form: state)
            return try await render(req, forms: forms)
        }
    }

    struct EndorseForm: Decodable {
        var action: String?
    }

    @Sendable func endorse(req: Request) async throws -> Response {
        try await acting(req, anchor: "#support") { proposal, user in
            if try req.form(EndorseForm.self).action == "withdraw" {
                _ = try await EndorsementService.withdraw(proposal, by: user, on: req.db, now: req.now)
            } else {
                _ = try await EndorsementService.endorse(proposal, by: user, on: req.db, now: req.now, messaging: req.messaging)
            }
        } refused: { $0.endorse = $1 }
    }

    struct AssistedForm: Decodable {
        var documentKind: String?
        var documentNumber: String?
        var wilayaCode: String?
        var sex: String?
        var ageGroup: String?

        var input: AssistedInput {
            AssistedInput(documentKind: documentKind, documentNumber: documentNumber,
                          demographics: Demographics(wilayaCode: wilayaCode, sex: sex, ageGroup: ageGroup))
        }
    }

    @Sendable func assisted(req: Request) async throws -> Response {
        try await acting(req, anchor: "#support") { proposal, user in
            _ = try await EndorsementService.endorseAssisted(proposal, try req.form(AssistedForm.self).input, by: user,
                                                             on: req.db, now: req.now, messaging: req.messaging)
        } refused: { forms, form in
            // The document number is never shown again.
            forms.assisted = form.showing(form.values.filter { $0.key != "document_number" })
        }
    }
}
