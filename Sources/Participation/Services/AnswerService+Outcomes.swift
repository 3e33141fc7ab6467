import Directory
import Fluent
import Platform
import Projects
import SQLKit
import Vapor

/// What an answer leads to: duplicates merged into one proposal, an accepted proposal made a project.
extension AnswerService {
    /// The organiser merges duplicates into one proposal: the originals become `merged`, link to it, and their
    /// supporters' endorsements are carried over (once per person).
    public static func merge(_ sources: [Proposal], into target: Proposal, reason: String?, by user: CurrentUser,
                             on db: any Database, now: Date, messaging: Messaging) async throws
    {
        let process = try await process(of: target, on: db)
        try await ParticipationPolicy.requireOrganizer(user, of: process, on: db)
        let targetID = try target.requireID()
        guard [.published, .evaluating].contains(target.state) else { throw ParticipationError.notEndorsable }
        var errors: [FieldError] = []
        let why = Validate.text(reason, field: "reason", max: 1000, into: &errors)
        if sources.isEmpty { errors.append(FieldError("source_ids", "validation.required")) }
        for source in sources where source.processID != target.processID || source.id == targetID {
            errors.append(FieldError("source_ids", "validation.invalid_choice"))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        for source in sources {
            let step = try ParticipationWorkflows.proposal.check(action: "merge", from: source.state, user: user, reason: why)
            let from = source.state
            source.state = step.to
            source.mergedIntoID = targetID
            let sourceID = try source.requireID()
            try await ParticipationWorkflows.proposal.apply(step, to: source, from: from, by: AuditActor(user), reason: why,
                                                             on: db, at: now) { tx in
                guard let sql = tx as? any SQLDatabase else { return }
                for endorsement in try await Endorsement.query(on: tx).filter(\.$proposalID == sourceID).all() {
                    try await sql.raw("""
                        INSERT INTO proposal_endorsements (id, proposal_id, process_id, participant_key, user_id, assisted_by,
                                                           wilaya_code, sex, age_group, created_at)
                        VALUES (\(bind: UUID()), \(bind: targetID), \(bind: endorsement.processID),
                                \(bind: endorsement.participantKey), \(bind: endorsement.userID), \(bind: endorsement.assistedBy),
                                \(bind: endorsement.wilayaCode), \(bind: endorsement.sex), \(bind: endorsement.ageGroup),
                                \(bind: endorsement.createdAt))
                        ON CONFLICT (proposal_id, participant_key) DO NOTHING
                        """).run()
                }
                try await EndorsementService.recount(targetID, on: sql)
                try await FollowService.tell(followersOf: .proposal, sourceID, key: "notification.proposal_merged",
                                             arguments: [source.title, target.title], link: "proposals/\(targetID)",
                                             except: user.id, also: [source.authorID].compactMap { $0 }, on: tx,
                                             messaging: messaging, now: now)
            }
        }
    }

    /// The project's texts are the proposal's, in the language it was written in.
    static func projectInput(_ proposal: Proposal, _ given: ProjectFromProposal) -> ProjectInput {
        given.projectInput(title: proposal.title, summary: proposal.body, domainCode: proposal.domainCode,
                           wilayaCode: proposal.wilayaCode)
    }

    /// An accepted proposal becomes a draft project of the association that will carry it, linked both ways.
    public static func makeProject(_ proposal: Proposal, _ given: ProjectFromProposal, by user: CurrentUser,
                                   on db: any Database, now: Date, messaging: Messaging) async throws -> Project
    {
        let input = projectInput(proposal, given)
        try await ParticipationPolicy.requireOrganizer(user, of: try await process(of: proposal, on: db), on: db)
        guard proposal.state == .accepted, proposal.projectID == nil else {
            throw WorkflowError.notAllowed(workflow: "proposal", action: "make_project", state: proposal.state.rawValue,
                                           allowed: ParticipationWorkflows.proposal.actions(from: proposal.state).map(\.action))
        }
        let id = try proposal.requireID()
        return try await db.transaction { tx in
            // Claims the proposal: two clicks make one project.
            guard let sql = tx as? any SQLDatabase,
                  try await sql.raw("UPDATE proposals SET project_id = project_id WHERE id = \(bind: id) AND project_id IS NULL RETURNING id")
                    .first() != nil
            else { throw WorkflowError.changedMeanwhile }
            let project = try await ProjectService.createDraft(input, origin: ("proposal", id, proposal.title), by: user,
                                                               inTransaction: tx, now: now)
            proposal.projectID = try project.requireID()
            try await proposal.save(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "proposal.project_made", subjectType: "proposal",
                                      subjectID: id.uuidString, details: ["project": project.slug], at: now)
            try await FollowService.tell(followersOf: .proposal, id, key: "notification.proposal_project",
                                         arguments: [proposal.title], link: "projects/\(project.slug)", except: user.id,
                                         also: [proposal.authorID].compactMap { $0 }, on: tx, messaging: messaging, now: now)
            return project
        }
    }
}
