import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// Endorsements: one per person and proposal, within the process's limit, taken back until the threshold; the
/// count is recomputed from the stored rows in the transaction that adds or removes one.
public enum EndorsementService {
    static let endorsable: Set<ProposalState> = [.published, .evaluating]

    /// The signed-in person endorses.
    public static func endorse(_ proposal: Proposal, by user: CurrentUser, demographics given: Demographics? = nil,
                               on db: any Database, now: Date, messaging: Messaging) async throws -> Proposal
    {
        try user.require(.participate)
        try await ParticipationPolicy.requireNotSuspended(user, on: db, now: now)
        var errors: [FieldError] = []
        let checked = try await Demographics.validate(given, on: db, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let demographics = try await Demographics.of(userID: user.id, given: checked, on: db)
        return try await record(proposal, key: ParticipantKey.account(user.id), userID: user.id, assistedBy: nil,
                                demographics: demographics, actor: AuditActor(user), details: [:], on: db, now: now,
                                messaging: messaging)
    }

    /// A coordinator records the endorsement of a citizen who came in person; marked assisted and audited.
    public static func endorseAssisted(_ proposal: Proposal, _ input: AssistedInput, by user: CurrentUser,
                                       on db: any Database, now: Date, messaging: Messaging) async throws -> Proposal
    {
        try user.require(.assistParticipation)
        let (key, kind, demographics) = try await input.checked(on: db)
        return try await record(proposal, key: key, userID: nil, assistedBy: user.id, demographics: demographics,
                                actor: AuditActor(user), details: ["assisted": "true", "document_kind": kind], on: db,
                                now: now, messaging: messaging)
    }

    static func record(_ proposal: Proposal, key: String, userID: UUID?, assistedBy: UUID?, demographics: Demographics,
                       actor: AuditActor, details: [String: String], on db: any Database, now: Date,
                       messaging: Messaging) async throws -> Proposal
    {
        guard endorsable.contains(proposal.state), proposal.hiddenAt == nil, !proposal.pendingModeration else {
            throw ParticipationError.notEndorsable
        }
        guard let process = try await ParticipatoryProcess.find(proposal.processID, on: db) else {
            throw ParticipationError.processNotFound
        }
        try await ProcessService.requireOpen(.endorse, in: process, on: db, now: now)
        let id = try proposal.requireID()
        let processID = proposal.processID
        let limit = process.endorsementsPerPerson
        let threshold = process.endorsementThreshold
        let title = proposal.title
        let organizerID = process.organizerID
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            let inserted = try await sql.raw("""
                INSERT INTO proposal_endorsements (id, proposal_id, process_id, participant_key, user_id, assisted_by,
                                                   wilaya_code, sex, age_group, created_at)
                VALUES (\(bind: UUID()), \(bind: id), \(bind: processID), \(bind: key), \(bind: userID), \(bind: assistedBy),
                        \(bind: demographics.wilayaCode), \(bind: demographics.sex), \(bind: demographics.ageGroup), \(bind: now))
                ON CONFLICT (proposal_id, participant_key) DO NOTHING
                RETURNING id
                """).first()
            guard inserted != nil else { throw ParticipationError.alreadyEndorsed }
            if let limit {
                let used = try await Quota.add(endorsements: 1, process: processID, key: key, on: tx)
                if used > limit { throw ParticipationError.endorsementLimit(limit: limit) }
            }
            let count = try await recount(id, on: sql)
            try await AuditLog.record(on: tx, actor: actor, action: "proposal.endorsed", subjectType: "proposal",
                                      subjectID: id.uuidString, details: details.merging(["count": "\(count)"]) { $1 }, at: now)
            if let userID { try await FollowService.follow(.proposal, id, userID: userID, on: tx, now: now) }
            // The first to reach the threshold marks it, once.
            if count >= threshold {
                let reached = try await sql.raw("""
                    UPDATE proposals SET threshold_reached_at = \(bind: now)
                    WHERE id = \(bind: id) AND threshold_reached_at IS NULL RETURNING id
                    """).first()
                if reached != nil {
                    let organizers = try await Representation.userIDs(of: organizerID, on: tx)
                        + Notifier.users(withAnyOf: [.coordinator], on: tx)
                    try await FollowService.tell(followersOf: .proposal, id, key: "notification.threshold_reached",
                                                 arguments: [title, "\(threshold)"], link: "proposals/\(id)", except: nil,
                                                 also: organizers, on: tx, messaging: messaging, now: now)
                }
            }
        }
        return try await Proposal.find(id, on: db) ?? proposal
    }

    /// The person takes their endorsement back, unless the proposal has reached its threshold.
    public static func withdraw(_ proposal: Proposal, by user: CurrentUser, on db: any Database, now: Date) async throws
        -> Proposal
    {
        try user.require(.participate)
        guard let process = try await ParticipatoryProcess.find(proposal.processID, on: db) else {
            throw ParticipationError.processNotFound
        }
        try await ProcessService.requireOpen(.endorse, in: process, on: db, now: now)
        let id = try proposal.requireID()
        let key = ParticipantKey.account(user.id)
        let processID = proposal.processID
        let limited = process.endorsementsPerPerson != nil
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            // Claims the proposal while it is under its threshold; past it, support is final.
            let open = try await sql.raw("""
                UPDATE proposals SET endorsement_count = endorsement_count
                WHERE id = \(bind: id) AND threshold_reached_at IS NULL RETURNING id
                """).first()
            guard open != nil else { throw ParticipationError.thresholdReached }
            let deleted = try await sql.raw("""
                DELETE FROM proposal_endorsements WHERE proposal_id = \(bind: id) AND participant_key = \(bind: key)
                RETURNING id
                """).first()
            guard deleted != nil else { throw ParticipationError.notEndorsed }
            if limited { _ = try await Quota.add(endorsements: -1, process: processID, key: key, on: tx) }
            let count = try await recount(id, on: sql)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "proposal.endorsement_withdrawn",
                                      subjectType: "proposal", subjectID: id.uuidString, details: ["count": "\(count)"],
                                      at: now)
        }
        return try await Proposal.find(id, on: db) ?? proposal
    }

    /// Sets the stored count from the rows, and returns it.
    @discardableResult
    static func recount(_ id: UUID, on sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw("""
            UPDATE proposals SET endorsement_count =
              (SELECT COUNT(*) FROM proposal_endorsements WHERE proposal_id = \(bind: id))
            WHERE id = \(bind: id) RETURNING endorsement_count
            """).first()
        return try row?.decode(column: "endorsement_count", as: Int.self) ?? 0
    }

    /// Whether this account endorsed each of these proposals.
    public static func endorsed(by userID: UUID?, among ids: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard let userID, !ids.isEmpty else { return [] }
        guard let sql = db as? any SQLDatabase else {
            return Set(try await Endorsement.query(on: db).filter(\.$participantKey == ParticipantKey.account(userID))
                .filter(\.$proposalID ~~ ids).all().map(\.proposalID))
        }
        // One column by SQL: asked on every list page and proposal page.
        return Set(try await sql.select().column("proposal_id").from(Endorsement.schema)
            .where("participant_key", .equal, SQLBind(ParticipantKey.account(userID)))
            .where("proposal_id", .in, SQLBind.group(ids)).all().map { try $0.decode(column: "proposal_id", as: UUID.self) })
    }
}
