import Directory
import Fluent
import Platform
import Projects
import SQLKit
import Vapor

/// The study of proposals and the organiser's answers: evaluators assigned by the organiser keep private notes,
/// cost and feasibility; the answer (under study, accepted, rejected) with its reason is published one by one or
/// all together, now or on a date the organiser picks.
public enum AnswerService {
    public struct EvaluationInput: Content, Sendable {
        public var notes: String?
        public var costMinor: Int64?
        public var feasibility: String?
        public init(notes: String? = nil, costMinor: Int64? = nil, feasibility: String? = nil) {
            self.notes = notes
            self.costMinor = costMinor
            self.feasibility = feasibility
        }
    }

    public struct AnswerInput: Content, Sendable {
        /// `evaluating`, `accepted` or `rejected`.
        public var state: String?
        public var reason: String?
        /// `yyyy-MM-dd`; absent: published now.
        public var publishOn: String?
        public init(state: String? = nil, reason: String? = nil, publishOn: String? = nil) {
            self.state = state
            self.reason = reason
            self.publishOn = publishOn
        }
    }

    static let answerStates: [ProposalState] = [.evaluating, .accepted, .rejected]

    static func process(of proposal: Proposal, on db: any Database) async throws -> ParticipatoryProcess {
        guard let process = try await ParticipatoryProcess.find(proposal.processID, on: db) else {
            throw ParticipationError.processNotFound
        }
        return process
    }

    /// The organiser assigns an evaluator (a person holding the evaluator's permission); they are told.
    public static func assign(_ proposal: Proposal, evaluatorID: UUID?, by user: CurrentUser, on db: any Database,
                              now: Date, messaging: Messaging) async throws
    {
        try await ParticipationPolicy.requireOrganizer(user, of: try await process(of: proposal, on: db), on: db)
        guard let evaluatorID else { throw ValidationFailure([FieldError("evaluator_id", "validation.required")]) }
        let roles = try await UserRole.query(on: db).filter(\.$user.$id == evaluatorID).all().map(\.role)
        guard AccessPolicy.allows(roles, .evaluateProposals) else {
            throw ValidationFailure([FieldError("evaluator_id", "validation.invalid_choice")])
        }
        let id = try proposal.requireID()
        if try await ProposalEvaluation.query(on: db).filter(\.$proposalID == id).filter(\.$evaluatorID == evaluatorID)
            .count() > 0 { return }
        let evaluation = ProposalEvaluation()
        evaluation.proposalID = id
        evaluation.evaluatorID = evaluatorID
        evaluation.assignedAt = now
        evaluation.assignedBy = user.id
        try await db.transaction { tx in
            try await evaluation.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "proposal.evaluator_assigned",
                                      subjectType: "proposal", subjectID: id.uuidString,
                                      details: ["evaluator": evaluatorID.uuidString], at: now)
            try await Notifier.notify(userIDs: [evaluatorID], messageKey: "notification.proposal_to_evaluate",
                                      arguments: [proposal.title], link: "proposals/\(id)", on: tx,
                                      catalog: messaging.catalog, baseURL: messaging.baseURL, at: now)
        }
    }

    /// An assigned evaluator records their study; only the organisers and evaluators read it.
    public static func evaluate(_ proposal: Proposal, _ input: EvaluationInput, by user: CurrentUser, on db: any Database,
                                now: Date) async throws
    {
        try user.require(.evaluateProposals)
        let id = try proposal.requireID()
        guard let evaluation = try await ProposalEvaluation.query(on: db).filter(\.$proposalID == id)
            .filter(\.$evaluatorID == user.id).first()
        else { throw ParticipationError.notAnEvaluator }
        var errors: [FieldError] = []
        let notes = Validate.text(input.notes, field: "notes", max: 4000, into: &errors)
        if let cost = input.costMinor, !NumberRange.moneyMinor.contains(cost) {
            errors.append(FieldError("cost_minor", "validation.range", "0", "\(NumberRange.moneyMinor.upperBound)"))
        }
        var feasibility: Feasibility?
        if let raw = Validate.trimmed(input.feasibility) {
            feasibility = Validate.choice(raw, field: "feasibility", as: Feasibility.self, into: &errors)
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        evaluation.notes = notes
        evaluation.costMinor = input.costMinor
        evaluation.feasibility = feasibility
        evaluation.updatedAt = now
        try await db.transaction { tx in
            try await evaluation.save(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "proposal.evaluated", subjectType: "proposal",
                                      subjectID: id.uuidString, at: now)
        }
    }

    /// The organiser's answer; published at once unless a later day is given.
    public static func answer(_ proposal: Proposal, _ input: AnswerInput, by user: CurrentUser, on db: any Database,
                              now: Date, messaging: Messaging) async throws
    {
        try await ParticipationPolicy.requireOrganizer(user, of: try await process(of: proposal, on: db), on: db)
        guard [.published, .evaluating].contains(proposal.state) else {
            throw WorkflowError.notAllowed(workflow: "proposal", action: "answer_" + (input.state ?? ""),
                                           state: proposal.state.rawValue,
                                           allowed: ParticipationWorkflows.proposal.actions(from: proposal.state).map(\.action))
        }
        var errors: [FieldError] = []
        let state = Validate.choice(input.state, field: "state", as: ProposalState.self, into: &errors)
        if let state, !answerStates.contains(state) { errors.append(FieldError("state", "validation.invalid_choice")) }
        if state == .evaluating, proposal.state == .evaluating { errors.append(FieldError("state", "validation.invalid_choice")) }
        let reason = Validate.text(input.reason, field: "reason", max: 4000, into: &errors)
        let publishOn = Validate.date(input.publishOn, field: "publish_on", required: false, into: &errors)
        let today = ISODate.string(now)
        if !publishOn.isEmpty, ISODate.parse(publishOn) != nil, publishOn < today {
            errors.append(FieldError("publish_on", "validation.date_in_past"))
        }
        guard errors.isEmpty, let state else { throw ValidationFailure(errors) }
        proposal.answerState = state
        proposal.answerReason = reason
        proposal.answerPublishOn = publishOn.isEmpty ? today : publishOn
        proposal.answerPublishedAt = nil
        proposal.answeredBy = user.id
        let id = try proposal.requireID()
        try await db.transaction { tx in
            try await proposal.save(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "proposal.answered", subjectType: "proposal",
                                      subjectID: id.uuidString,
                                      details: ["state": state.rawValue, "publish_on": proposal.answerPublishOn ?? today],
                                      at: now)
        }
        if proposal.answerPublishOn ?? today <= today {
            try await publish(proposal, actor: AuditActor(user), on: db, now: now, messaging: messaging)
        }
    }

    /// Publishes a proposal's pending answer: the proposal takes the answer's state (a step of its procedure), its
    /// author and followers are told.
    static func publish(_ proposal: Proposal, actor: AuditActor, on db: any Database, now: Date, messaging: Messaging)
        async throws
    {
        guard let state = proposal.answerState, proposal.answerPublishedAt == nil else { return }
        let action = "answer_" + state.rawValue
        guard let step = ParticipationWorkflows.proposal.actions(from: proposal.state).first(where: { $0.action == action })
        else { return }
        let from = proposal.state
        proposal.state = step.to
        proposal.answerPublishedAt = now
        let id = try proposal.requireID()
        let reason = proposal.answerReason ?? ""
        let stateKey = "participation.proposal_state." + state.rawValue
        let stateText = Translated(ar: messaging.catalog.text(stateKey, in: .ar), fr: messaging.catalog.text(stateKey, in: .fr),
                                   en: messaging.catalog.text(stateKey, in: .en))
        try await ParticipationWorkflows.proposal.apply(step, to: proposal, from: from, by: actor, reason: reason, on: db,
                                                         at: now) { tx in
            try await FollowService.tell(followersOf: .proposal, id, key: "notification.proposal_answered",
                                         arguments: [proposal.title], localized: [stateText], link: "proposals/\(id)",
                                         except: nil, also: [proposal.authorID].compactMap { $0 }, on: tx,
                                         messaging: messaging, now: now)
        }
    }

    /// Sets one publication day for every answer of the process not yet published (today: published now).
    public static func publishAll(in process: ParticipatoryProcess, on day: String?, by user: CurrentUser,
                                  on db: any Database, now: Date, messaging: Messaging) async throws -> Int
    {
        try await ParticipationPolicy.requireOrganizer(user, of: process, on: db)
        var errors: [FieldError] = []
        let today = ISODate.string(now)
        var publishOn = Validate.date(day, field: "publish_on", required: false, into: &errors)
        if publishOn.isEmpty { publishOn = today }
        if ISODate.parse(publishOn) != nil, publishOn < today { errors.append(FieldError("publish_on", "validation.date_in_past")) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let day = publishOn
        let pending = try await Proposal.query(on: db).filter(\.$processID == (try process.requireID()))
            .filter(\.$answerState != nil).filter(\.$answerPublishedAt == nil).all()
        try await db.transaction { tx in
            for proposal in pending {
                proposal.answerPublishOn = day
                try await proposal.save(on: tx)
            }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "process.answers_scheduled",
                                      subjectType: "process", subjectID: try process.requireID().uuidString,
                                      details: ["publish_on": day, "count": "\(pending.count)"], at: now)
        }
        if publishOn <= today { return try await publishDue(on: db, now: now, messaging: messaging, actor: AuditActor(user)) }
        return 0
    }

    /// Publishes every answer whose day has come (the worker, `shabaka participation tick`).
    @discardableResult
    public static func publishDue(on db: any Database, now: Date, messaging: Messaging, actor: AuditActor = .system)
        async throws -> Int
    {
        let due = try await Proposal.query(on: db).filter(\.$answerState != nil).filter(\.$answerPublishedAt == nil)
            .filter(\.$answerPublishOn <= ISODate.string(now)).all()
        var published = 0
        for proposal in due {
            do {
                try await publish(proposal, actor: actor, on: db, now: now, messaging: messaging)
                published += 1
            } catch WorkflowError.changedMeanwhile { continue }
        }
        return published
    }
}
