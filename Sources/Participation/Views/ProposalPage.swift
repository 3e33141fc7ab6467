import Directory
import Fluent
import Platform
import Projects
import Vapor

/// One proposal's page: its text and versions, support, answer, study, comments, and the forms for what the
/// viewer may do next.
struct ProposalPageContext: Encodable {
    struct VersionLine: Encodable {
        let version: Int
        let title: String
        let body: String
        let reason: String
        let editedAt: Date
    }

    struct EvaluationLine: Encodable {
        let evaluator: String
        let notes: String?
        let cost: String?
        let feasibility: String?
        let mine: Bool
    }

    struct LinkLine: Encodable {
        let id: String
        let title: String
    }

    let page: PageMeta
    let proposal: ProposalView
    let process: ProcessHeading
    let processPath: String
    /// The title, author, text, versions and links of the proposal, rendered (`participation/proposal-head`).
    let head: String
    /// The answer as published (nil before).
    let answer: AnswerView?
    // What the viewer may do.
    let isAuthor: Bool
    let isOrganizer: Bool
    let mayEdit: Bool
    let correcting: Bool
    let mayEndorse: Bool
    let endorsed: Bool
    let mayTakeBack: Bool
    let mayAssist: Bool
    let mayEvaluate: Bool
    let following: Bool
    let mayComment: Bool
    let mayReport: Bool
    let steps: WorkflowStepForms
    let forms: Forms
    let evaluations: [EvaluationLine]
    /// The organiser's answer waiting for its day.
    let pendingAnswer: AnswerView?
    let evaluators: [ChoiceOption]
    let mergeCandidates: [ChoiceOption]
    let organizations: [ChoiceOption]
    let myOrganizations: [ChoiceOption]
    let wilayas: [ChoiceOption]
    let assistedWilayas: [ChoiceOption]
    let domains: [ChoiceOption]
    /// The organiser's form making the accepted proposal a project (shown when `organizations` is not empty).
    let projectFields: ProjectFieldsView?
    let sexes: [ChoiceOption]
    let ageGroups: [ChoiceOption]
    let documentKinds: [ChoiceOption]
    let feasibilities: [ChoiceOption]
    let answerStates: [ChoiceOption]
    let stances: [ChoiceOption]
    let thread: CommentThreadView
    let today: String
    /// The proposal's history, rendered (`participation/proposal-history`).
    let history: String

    struct Forms: Encodable {
        let edit: FormState
        let endorse: FormState
        let assisted: FormState
        let assign: FormState
        let evaluation: FormState
        let answer: FormState
        let merge: FormState
        let project: FormState
        let comment: FormState
    }

    struct ProposalView: Encodable {
        let id: String
        let title: String
        let body: String
        let state: String
        let version: Int
        let endorsements: Int?
        let threshold: Int
        let thresholdReached: Bool
        let thresholdReachedAt: Date?
        let comments: Int
        let createdAt: Date
        let publishedAt: Date?
        let hidden: Bool
        let pending: Bool
        let locked: Bool
        /// The part of the threshold reached, 0–100.
        let progress: Int?
        /// "12 endorsements of the 100 needed", when counts show.
        let countLine: String?
    }

    struct AnswerView: Encodable {
        let state: String
        let reason: String
        let publishOn: String?
        let publishedAt: Date?
    }

    static func make(_ snapshot: ProposalSnapshot, revisions: ParticipationRevisions, forms: ProposalPageForms,
                     commentsPage: PageQuery, order: CommentThread.Order, _ req: Request) async throws -> ProposalPageContext
    {
        let user = req.currentUser
        let proposal = snapshot.proposal
        let id = try proposal.requireID()
        let process = snapshot.process.process
        let isOrganizer = try await ParticipationPolicy.isOrganizer(user, of: process, on: req.db)
        let processView = try await ProcessView.make(snapshot.process, organizerView: isOrganizer, req)
        let isAuthor = user != nil && proposal.authorID == user?.id
        let reference = try await req.referenceData()
        let open = Set(processView.openings)
        let endorsable = EndorsementService.endorsable.contains(proposal.state) && proposal.hiddenAt == nil
            && !proposal.pendingModeration && open.contains(PhaseOpening.endorse.rawValue)
        let endorsed = try await EndorsementService.endorsed(by: user?.id, among: [id], on: req.db).contains(id)
        var mayEvaluate = false
        if let user, user.may(.evaluateProposals) {
            mayEvaluate = try await ProposalEvaluation.query(on: req.db).filter(\.$proposalID == id)
                .filter(\.$evaluatorID == user.id).count() > 0
        }
        var evaluations: [EvaluationLine] = []
        if isOrganizer || mayEvaluate {
            let rows = try await ProposalEvaluation.query(on: req.db).filter(\.$proposalID == id).sort(\.$assignedAt).all()
            let evaluatorNames = try await req.reader.authorNames(rows.map(\.evaluatorID), on: req.db)
            evaluations = rows.map {
                EvaluationLine(evaluator: evaluatorNames.name(of: $0.evaluatorID, stored: ""), notes: $0.notes,
                               cost: $0.costMinor.map { MoneyText.format($0, currency: "DZD", in: req.language,
                                                                         catalog: req.application.catalog) },
                               feasibility: $0.feasibility?.rawValue, mine: $0.evaluatorID == user?.id)
            }
        }
        let published = proposal.answerPublishedAt != nil
        let answerView = proposal.answerState.map {
            AnswerView(state: $0.rawValue, reason: proposal.answerReason ?? "", publishOn: proposal.answerPublishOn,
                       publishedAt: proposal.answerPublishedAt)
        }
        var evaluators: [ChoiceOption] = []
        var mergeCandidates: [ChoiceOption] = []
        var organizations: [ChoiceOption] = []
        if isOrganizer {
            let evaluatorIDs = try await Notifier.users(withAnyOf: Role.allCases.filter {
                AccessPolicy.allows([$0], .evaluateProposals) && $0 != .admin }, on: req.db)
            let people = try await User.query(on: req.db).filter(\.$id ~~ evaluatorIDs).filter(\.$erasedAt == nil)
                .sort(\.$displayName).all()
            evaluators = people.compactMap { person in
                person.id.map { ChoiceOption(value: $0.uuidString, label: person.displayName, selected: false) }
            }
            if EndorsementService.endorsable.contains(proposal.state) {
                let others = try await Proposal.query(on: req.db).filter(\.$processID == proposal.processID)
                    .filter(\.$id != id).filter(\.$state ~~ [.published, .evaluating]).sort(\.$title).limit(200).all()
                mergeCandidates = others.compactMap { other in
                    other.id.map { ChoiceOption(value: $0.uuidString, label: other.title,
                                                selected: forms.merge.values["source_ids"] == $0.uuidString) }
                }
            }
            if proposal.state == .accepted, proposal.projectID == nil {
                organizations = try await ProjectFieldsView.carriers(selected: forms.project.values["organization_id"], req)
            }
        }
        let mayEditText = isAuthor && [.draft, .published, .evaluating].contains(proposal.state)
        let myOrganizations = try await (mayEditText ? user : nil).asyncMap { user -> [ChoiceOption] in
            ChoiceOption.records(try await Representation.verifiedOrganizations(of: user.id, on: req.db), label: \.name,
                                 selected: forms.edit.values["organization_id"] ?? proposal.organizationID?.uuidString, req)
        } ?? []
        let actions = user.map { user in
            ParticipationWorkflows.proposal.actions(from: proposal.state, for: user).map(\.action)
                .filter { ParticipationWorkflows.authorActions.contains($0) ? isAuthor : false }
        } ?? []
        let page = try await PageMeta.make(for: req, titleKey: "participation.proposal_title", proposal.title)
        let similar = proposal.state == .draft && isAuthor
            ? try await ProposalService.similar(title: proposal.title, body: proposal.body, processID: proposal.processID,
                                                excluding: id, on: req.db) : []
        let moderator = try await mayModerate(user, process: process, req)
        let thread = try await CommentThreadView.make(.proposal, id, process: process, page: commentsPage, order: order,
                                                      moderator: moderator, open: open.contains(PhaseOpening.comment.rawValue),
                                                      form: forms.comment, path: req.url.path,
                                                      revision: .init(subject: revisions.revisions[1], names: revisions.names), req)
        let countsShown = processView.countsShown
        let editValues: [String: String] = !mayEditText ? [:] : forms.edit.values.isEmpty ? [
            "title": proposal.title, "body": proposal.body, "wilaya_code": proposal.wilayaCode ?? "",
            "domain_code": proposal.domainCode ?? "", "organization_id": proposal.organizationID?.uuidString ?? "",
        ] : forms.edit.values
        let stepURL = ParticipationSiteURL.proposals.path(in: req.language) + "/\(id)/transitions"
        let mayAssist = user?.may(.assistParticipation) == true && endorsable
        let proposalView = ProposalView(
            id: id.uuidString, title: proposal.title, body: proposal.body, state: proposal.state.rawValue,
            version: proposal.version, endorsements: countsShown ? proposal.endorsementCount : nil,
            threshold: process.endorsementThreshold, thresholdReached: proposal.thresholdReachedAt != nil,
            thresholdReachedAt: proposal.thresholdReachedAt, comments: proposal.commentCount,
            createdAt: proposal.createdAt, publishedAt: proposal.publishedAt, hidden: proposal.hiddenAt != nil,
            pending: proposal.pendingModeration, locked: proposal.isLocked,
            progress: countsShown ? min(100, proposal.endorsementCount * 100 / max(1, process.endorsementThreshold)) : nil,
            countLine: countsShown ? req.tn("participation.endorsements_of", proposal.endorsementCount,
                                            NumberText.integer(process.endorsementThreshold, in: req.language)) : nil)
        return ProposalPageContext(
            page: page,
            proposal: proposalView,
            process: ProcessHeading(processView), processPath: ProcessesWebController.path(process, req),
            head: try await ProposalHead.rendered(snapshot, proposal: proposalView, process: processView, similar: similar,
                                                  reference: reference, req),
            answer: published ? answerView : nil,
            isAuthor: isAuthor, isOrganizer: isOrganizer,
            mayEdit: mayEditText,
            correcting: proposal.state != .draft && proposal.isLocked,
            mayEndorse: user?.may(.participate) == true && endorsable && !endorsed,
            endorsed: endorsed,
            mayTakeBack: endorsed && proposal.thresholdReachedAt == nil && open.contains(PhaseOpening.endorse.rawValue),
            mayAssist: mayAssist,
            mayEvaluate: mayEvaluate,
            following: try await user.asyncMap { try await FollowService.follows(.proposal, id, userID: $0.id, on: req.db) } ?? false,
            mayComment: thread.mayPost,
            mayReport: user != nil && !isAuthor && proposal.state != .draft,
            steps: WorkflowStepForms.make(ParticipationWorkflows.proposal, actions: actions, url: stepURL, id: "step",
                                          sent: forms.step, csrf: page.csrf, req),
            forms: Forms(edit: forms.edit.showing(editValues).prefixed("edit-"), endorse: forms.endorse.prefixed("endorse-"),
                         assisted: forms.assisted.prefixed("assisted-"), assign: forms.assign.prefixed("assign-"),
                         evaluation: forms.evaluation.prefixed("evaluation-"), answer: forms.answer.prefixed("answer-").grouping("state"),
                         merge: forms.merge.prefixed("merge-"), project: forms.project.prefixed("project-"),
                         comment: forms.comment.prefixed("comment-")),
            evaluations: evaluations,
            pendingAnswer: isOrganizer && !published ? answerView : nil,
            evaluators: evaluators, mergeCandidates: mergeCandidates, organizations: organizations,
            myOrganizations: myOrganizations,
            // The long lists only where a form shows them (the author's edit, the organiser's project, the assisted form).
            wilayas: mayEditText ? try await Options.wilayas(req, selected: editValues["wilaya_code"]) : [],
            assistedWilayas: mayAssist ? try await Options.wilayas(req, selected: forms.assisted.values["wilaya_code"]) : [],
            domains: mayEditText ? try await Options.domains(req, selected: [editValues["domain_code"] ?? ""]) : [],
            projectFields: organizations.isEmpty ? nil
                : try await ProjectFieldsView.make(forms.project, organizations: organizations,
                                                   domain: proposal.domainCode, wilaya: proposal.wilayaCode, req),
            // The forms' short lists likewise: only for the viewers whose forms show them.
            sexes: mayAssist ? ChoiceOption.cases(PersonSex.self, key: "person.sex", selected: forms.assisted.values["sex"], req) : [],
            ageGroups: mayAssist ? ChoiceOption.cases(AgeGroup.self, key: "participation.age_group",
                                                      selected: forms.assisted.values["age_group"], req) : [],
            documentKinds: mayAssist ? AssistedInput.documentKinds.map {
                ChoiceOption(value: $0, label: req.t("participation.document." + $0),
                             selected: forms.assisted.values["document_kind"] == $0) } : [],
            feasibilities: mayEvaluate ? ChoiceOption.cases(Feasibility.self, key: "participation.feasibility",
                                                            selected: forms.evaluation.values["feasibility"], req) : [],
            answerStates: isOrganizer ? AnswerService.answerStates.filter { !(proposal.state == .evaluating && $0 == .evaluating) }.map {
                ChoiceOption(value: $0.rawValue, label: req.t("participation.proposal_state." + $0.rawValue),
                             selected: forms.answer.values["state"] == $0.rawValue) } : [],
            stances: thread.mayPost ? ChoiceOption.cases(Stance.self, key: "participation.stance",
                                                         selected: forms.comment.values["stance"], req) : [],
            thread: thread, today: ISODate.string(req.now),
            history: try await ProposalHead.history(snapshot, req))
    }

    static func mayModerate(_ user: CurrentUser?, process: ParticipatoryProcess, _ req: Request) async throws -> Bool {
        guard let user else { return false }
        if user.may(.moderate) { return true }
        return try await ParticipationPolicy.isOrganizer(user, of: process, on: req.db)
    }
}
