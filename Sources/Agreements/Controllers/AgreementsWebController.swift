import Directory
import Fluent
import Platform
import Vapor

/// Agreement pages: the list, and one agreement with parties, objectives in three languages, commitments
/// (late ones flagged) and the timeline of follow-ups; staff act from the same page.
struct AgreementsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(AgreementsSiteURL.agreements.pathComponents, use: list)
        let one = AgreementsSiteURL.agreements.pathComponents + [":agreement"]
        routes.get(one, use: show)
        routes.post(one + ["follow-ups"], use: addFollowUp)
        routes.post(one + ["transitions"], use: transition)
        routes.post(one + ["commitments", ":id", "transitions"], use: transitionCommitment)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let pageQuery = try PageQuery(from: req)
        let (rows, total) = try await AgreementsQueries.agreements(pageQuery, on: req.db)
        let agreements = rows.map {
            ListItem(id: $0.id?.uuidString ?? "", slug: $0.slug, title: LocalizedText($0.title, in: req.language),
                     kind: $0.kind.rawValue, state: $0.state.rawValue)
        }
        return try await req.render("agreements/list", ListContext(
            page: try await PageMeta.make(for: req, titleKey: "agreements.title"), agreements: agreements,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path),
            canAuthor: req.currentUser?.may(.manageAgreements) == true))
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await renderShow(req, form: .empty)
    }

    /// The agreement's page with its forms: the follow-up's `form`, the new commitment's, or a refused `step` (of
    /// the agreement, or of the commitment `stepTarget`) shown again with its errors.
    func renderShow(_ req: Request, form: FormState, commitmentForm: FormState = .empty,
                    step: WorkflowStepForms.Sent? = nil, stepTarget: String? = nil,
                    status: HTTPResponseStatus = .ok) async throws -> Response {
        let agreement = try await AgreementsAPIController.find(req)
        let here = AgreementsSiteURL.agreements.path(in: req.language) + "/" + agreement.slug
        let stepStyle = WorkflowStepForms.Style(optionalReason: true, inline: true)
        let dto = try await AgreementDTO.load(agreement, for: req)
        let user = req.currentUser
        let partyNames = Dictionary(uniqueKeysWithValues: dto.parties.map { ($0.id, $0.name) })
        // Buttons only for what this person may do: the commitments their organisation owes, or all for staff.
        var represented = Set<UUID>()
        if let user {
            represented = Set(try await Representation.organizations(of: user.id, on: req.db).compactMap(\.id))
        }
        let staff = user?.may(.manageAgreements) == true
        let mayFollowUp = user?.may(.recordFollowUp) == true
            && (staff || user?.may(.evaluateProjects) == true || dto.parties.contains { represented.contains($0.id) })
        let commitments = dto.commitments.map { commitment in
            let state = CommitmentState(rawValue: commitment.state) ?? .planned
            let actions = (staff || represented.contains(commitment.ownerID)) ? user.map {
                AgreementWorkflows.commitment.actions(from: state, for: $0).map(\.action)
            } ?? [] : []
            let id = commitment.id.uuidString
            return CommitmentView(
                id: commitment.id.uuidString,
                owner: LocalizedText(partyNames[commitment.ownerID] ?? Translated(), in: req.language),
                description: LocalizedText(commitment.description, in: req.language), dueOn: commitment.dueOn,
                state: commitment.state, late: commitment.late,
                bar: ProgressBar(ratio: Double(commitment.progress) / 100, expected: 0,
                                 status: commitment.late ? .late : .onTrack, language: req.language,
                                 label: req.t("agreements.progress_label", "\(commitment.progress)")),
                actions: actions,
                steps: .make(AgreementWorkflows.commitment, actions: actions,
                             url: here + "/commitments/" + id + "/transitions", id: "commitment-" + id,
                             sent: stepTarget == id ? step : nil, style: stepStyle, csrf: req.formCSRF, req))
        }
        let signatories = dto.signatories.map { signatory in
            signatory.roleTitle.resolve(in: req.language).text + " — "
                + (partyNames[signatory.organizationID]?.resolve(in: req.language).text ?? "")
        }
        let agreementActions = user.map {
            AgreementWorkflows.agreement.actions(from: agreement.state, for: $0).map(\.action)
        } ?? []
        let page = try await PageMeta.make(for: req, titleKey: "agreements.show_title",
                                           agreement.title.resolve(in: req.language).text)
        let context = ShowContext(
            page: page,
            agreement: dto, title: LocalizedText(agreement.title, in: req.language),
            summary: LocalizedText(agreement.summary, in: req.language),
            parties: dto.parties.map { LocalizedText($0.name, in: req.language) }, signatories: signatories,
            objectives: dto.objectives.map { LocalizedText($0, in: req.language) }, commitments: commitments, lateCount: commitments.filter(\.late).count,
            canFollowUp: mayFollowUp,
            agreementActions: agreementActions,
            agreementSteps: .make(AgreementWorkflows.agreement, actions: agreementActions, url: here + "/transitions",
                                  id: "step", sent: stepTarget == nil ? step : nil, style: stepStyle,
                                  csrf: page.csrf, req),
            form: form, today: ISODate.string(req.now), canAuthor: staff, commitmentForm: commitmentForm,
            attachments: .make("agreement", dto.id,
                               attachments: try await AttachmentStore.list("agreement", [dto.id], on: req.db),
                               canAttach: staff, page: page, req),
            owners: dto.parties.map {
                ChoiceOption(value: $0.id.uuidString, label: $0.name.resolve(in: req.language).text,
                             selected: commitmentForm.values["owner_id"] == $0.id.uuidString)
            })
        return try await req.render("agreements/show", context, status: status)
    }

    @Sendable func addFollowUp(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let agreement = try await AgreementsAPIController.find(req)
        return try await req.submitting {
            _ = try await AgreementService.addFollowUp(try req.input(FollowUpForm.self), to: agreement, by: user,
                                                       on: req.db, now: req.now)
            return req.seeOther(AgreementsSiteURL.agreements.path(in: req.language) + "/" + agreement.slug + "#follow-ups")
        } refused: { form in
            try await renderShow(req, form: form)
        }
    }

    @Sendable func transition(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let agreement = try await AgreementsAPIController.find(req)
        let step = try req.form(StepForm.self)
        let back = AgreementsSiteURL.agreements.path(in: req.language) + "/" + agreement.slug
        let confirmation = StepConfirmation(subject: agreement.title.resolve(in: req.language).text, back: back,
                                            optionalReason: true)
        return try await req.takingStep(AgreementWorkflows.agreement, from: agreement.state, form: step,
                                        confirmation: confirmation) {
            try await AgreementService.transition(agreement, action: step.action ?? "", reason: step.reason, by: user,
                                                  on: req.db, now: req.now)
            return req.seeOther(back)
        } refused: { form in
            try await renderShow(req, form: .empty, step: .init(action: step.action ?? "", form: form))
        }
    }

    @Sendable func transitionCommitment(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let agreement = try await AgreementsAPIController.find(req)
        guard let id = req.parameters.get("id", as: UUID.self),
              let commitment = try await Commitment.query(on: req.db).filter(\.$id == id)
                .filter(\.$agreementID == agreement.requireID()).first()
        else { throw AgreementsError.commitmentNotFound }
        let step = try req.form(StepForm.self)
        let back = AgreementsSiteURL.agreements.path(in: req.language) + "/" + agreement.slug + "#commitments"
        let confirmation = StepConfirmation(
            subject: agreement.title.resolve(in: req.language).text + " — "
                + commitment.summary.resolve(in: req.language).text,
            back: back, optionalReason: true)
        return try await req.takingStep(AgreementWorkflows.commitment, from: commitment.state, form: step,
                                        confirmation: confirmation) {
            try await AgreementService.transition(commitment, action: step.action ?? "", reason: step.reason, by: user,
                                                  on: req.db, now: req.now)
            return req.seeOther(back)
        } refused: { form in
            try await renderShow(req, form: .empty, step: .init(action: step.action ?? "", form: form),
                                 stepTarget: id.uuidString)
        }
    }
}
