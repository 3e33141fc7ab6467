import ArabicText
import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// A proposal as its form and `POST /api/v1/proposals` give it.
public struct ProposalInput: Content, Sendable {
    public var processID: UUID?
    public var title: String?
    public var body: String?
    public var wilayaCode: String?
    public var domainCode: String?
    /// Set to propose for an organisation one represents.
    public var organizationID: UUID?

    public init() {}
}

public enum ProposalService {
    static let titleLength = 8...150
    static let bodyLength = 15...6000

    /// Every problem of the text at once.
    static func validate(_ input: ProposalInput, process: ParticipatoryProcess, user: CurrentUser, on db: any Database)
        async throws -> (title: String, body: String, wilaya: String?, domain: String?, organization: UUID?, [FieldError])
    {
        var errors: [FieldError] = []
        let title = Validate.text(input.title, field: "title", max: titleLength.upperBound, into: &errors)
        if !title.isEmpty, title.count < titleLength.lowerBound {
            errors.append(FieldError("title", "validation.too_short", "\(titleLength.lowerBound)"))
        }
        let body = Validate.text(input.body, field: "body", max: bodyLength.upperBound, into: &errors)
        if !body.isEmpty, body.count < bodyLength.lowerBound {
            errors.append(FieldError("body", "validation.too_short", "\(bodyLength.lowerBound)"))
        }
        let wilaya = Validate.trimmed(input.wilayaCode)
        if let wilaya {
            if try await Wilaya.find(wilaya, on: db) == nil { errors.append(FieldError("wilaya_code", "validation.invalid_choice")) }
            else if !process.isNational, !process.wilayaScope.contains(wilaya) {
                errors.append(FieldError("wilaya_code", "validation.out_of_scope"))
            }
        } else if !process.isNational { errors.append(FieldError("wilaya_code", "validation.required")) }
        let domain = Validate.trimmed(input.domainCode)
        if let domain, try await Domain.find(domain, on: db) == nil {
            errors.append(FieldError("domain_code", "validation.invalid_choice"))
        }
        if let organization = input.organizationID {
            let verified = try await Representation.verifiedOrganizations(of: user.id, on: db).compactMap(\.id)
            if !verified.contains(organization) { errors.append(FieldError("organization_id", "validation.invalid_choice")) }
        }
        return (title, body, wilaya, domain, input.organizationID, errors)
    }

    static func terms(_ title: String, _ body: String) -> String {
        " " + ArabicText.searchTerms(title + " " + body).joined(separator: " ") + " "
    }

    /// A new draft by the signed-in person, while the process takes proposals.
    public static func create(_ input: ProposalInput, by user: CurrentUser, on db: any Database, now: Date) async throws
        -> Proposal
    {
        guard let processID = input.processID, let process = try await ParticipatoryProcess.find(processID, on: db) else {
            throw ValidationFailure([FieldError("process_id", input.processID == nil ? "validation.required"
                                                                                     : "validation.invalid_choice")])
        }
        try await ParticipationPolicy.requireMayPost(user, on: db, now: now)
        try await ProcessService.requireOpen(.propose, in: process, on: db, now: now)
        let (title, body, wilaya, domain, organization, errors) = try await validate(input, process: process, user: user, on: db)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let proposal = Proposal()
        proposal.processID = processID
        proposal.authorID = user.id
        proposal.organizationID = organization
        proposal.title = title
        proposal.body = body
        proposal.wilayaCode = wilaya
        proposal.domainCode = domain
        proposal.state = .draft
        proposal.searchTerms = terms(title, body)
        proposal.endorsementCount = 0
        proposal.commentCount = 0
        proposal.version = 1
        proposal.pendingModeration = false
        proposal.createdAt = now
        try await db.transaction { tx in
            try await proposal.create(on: tx)
            try await WorkflowStep.record(workflow: "proposal", subjectID: try proposal.requireID(), action: "create",
                                          from: nil, to: ProposalState.draft.rawValue, actor: AuditActor(user), reason: nil,
                                          on: tx, at: now)
        }
        return proposal
    }

    /// The author changes the text. A draft, or a published proposal nobody endorsed yet, changes freely; once
    /// endorsed, a change is a correction with its reason, the former text is kept as a version and the endorsers
    /// are told.
    public static func edit(_ proposal: Proposal, _ input: ProposalInput, reason: String?, by user: CurrentUser,
                            on db: any Database, now: Date, messaging: Messaging) async throws
    {
        guard proposal.authorID == user.id else { throw ParticipationError.notTheAuthor }
        guard [.draft, .published, .evaluating].contains(proposal.state) else { throw ParticipationError.textLocked }
        guard let process = try await ParticipatoryProcess.find(proposal.processID, on: db) else {
            throw ParticipationError.processNotFound
        }
        try await ParticipationPolicy.requireNotSuspended(user, on: db, now: now)
        var (title, body, wilaya, domain, organization, errors) = try await validate(input, process: process, user: user, on: db)
        let correcting = proposal.state != .draft && proposal.isLocked
        let why = Validate.text(reason, field: "reason", max: 1000, required: correcting, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let id = try proposal.requireID()
        let previous = (title: proposal.title, body: proposal.body, version: proposal.version)
        proposal.title = title
        proposal.body = body
        proposal.searchTerms = terms(title, body)
        if !correcting {
            proposal.wilayaCode = wilaya
            proposal.domainCode = domain
            proposal.organizationID = organization
        } else {
            proposal.version += 1
        }
        try await db.transaction { tx in
            if correcting {
                let version = ProposalVersion()
                version.proposalID = id
                version.version = previous.version
                version.title = previous.title
                version.body = previous.body
                version.reason = why
                version.editedBy = user.id
                version.editedAt = now
                try await version.create(on: tx)
            }
            try await proposal.save(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: correcting ? "proposal.corrected" : "proposal.edited",
                                      subjectType: "proposal", subjectID: id.uuidString,
                                      details: correcting ? ["version": "\(proposal.version)"] : [:], at: now)
            if correcting {
                let endorsers = try await Endorsement.query(on: tx).filter(\.$proposalID == id).filter(\.$userID != nil)
                    .all().compactMap(\.userID)
                try await FollowService.tell(followersOf: .proposal, id, key: "notification.proposal_corrected",
                                             arguments: [proposal.title, why], link: "proposals/\(id)", except: user.id,
                                             also: endorsers, on: tx, messaging: messaging, now: now)
            }
        }
    }

    /// Publishes a draft: the author's count of proposals grows (within the process's limit), and the author
    /// follows it. In a pre-moderated process it waits for a moderator before it shows.
    public static func publish(_ proposal: Proposal, by user: CurrentUser, on db: any Database, now: Date) async throws {
        guard proposal.authorID == user.id else { throw ParticipationError.notTheAuthor }
        let step = try ParticipationWorkflows.proposal.check(action: "publish", from: proposal.state, user: user, reason: nil)
        guard let process = try await ParticipatoryProcess.find(proposal.processID, on: db) else {
            throw ParticipationError.processNotFound
        }
        try await ParticipationPolicy.requireNotSuspended(user, on: db, now: now)
        try await ProcessService.requireOpen(.propose, in: process, on: db, now: now)
        let from = proposal.state
        proposal.state = step.to
        proposal.publishedAt = now
        proposal.pendingModeration = process.premoderation
        let limit = process.proposalsPerPerson
        let processID = proposal.processID
        let id = try proposal.requireID()
        try await ParticipationWorkflows.proposal.apply(step, to: proposal, from: from, by: AuditActor(user), reason: nil,
                                                         on: db, at: now) { tx in
            if let limit {
                let used = try await Quota.add(proposals: 1, process: processID, key: ParticipantKey.account(user.id), on: tx)
                if used > limit { throw ParticipationError.proposalLimit(limit: limit) }
            }
            try await FollowService.follow(.proposal, id, userID: user.id, on: tx, now: now)
        }
    }

    /// The author withdraws a published proposal; it stays readable, marked withdrawn, and takes no more support.
    public static func withdraw(_ proposal: Proposal, by user: CurrentUser, on db: any Database, now: Date,
                                messaging: Messaging) async throws
    {
        guard proposal.authorID == user.id else { throw ParticipationError.notTheAuthor }
        let step = try ParticipationWorkflows.proposal.check(action: "withdraw", from: proposal.state, user: user, reason: nil)
        let from = proposal.state
        proposal.state = step.to
        let id = try proposal.requireID()
        try await ParticipationWorkflows.proposal.apply(step, to: proposal, from: from, by: AuditActor(user), reason: nil,
                                                         on: db, at: now) { tx in
            try await FollowService.tell(followersOf: .proposal, id, key: "notification.proposal_withdrawn",
                                         arguments: [proposal.title], link: "proposals/\(id)", except: user.id, on: tx,
                                         messaging: messaging, now: now)
        }
    }

    /// Proposals of the process that look like `title` and `body`: those sharing the most search terms, at least two
    /// (or one, for a short text), best first.
    public static func similar(title: String, body: String, processID: UUID, excluding: UUID? = nil, limit: Int = 5,
                               on db: any Database) async throws -> [SimilarProposal]
    {
        let terms = Array(ArabicText.searchTerms(title + " " + body).filter { $0.count >= 3 }.prefix(12))
        guard !terms.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        var query = sql.select().column("id").column("title").column("state").column("endorsement_count")
            .column("search_terms").from(Proposal.schema)
            .where("process_id", .equal, SQLBind(processID))
            .where("state", .in, SQLBind.group(["published", "evaluating", "accepted", "rejected"]))
            .where("hidden_at", .is, SQLLiteral.null)
            .where("pending_moderation", .equal, SQLBind(false))
        if let excluding { query = query.where("id", .notEqual, SQLBind(excluding)) }
        query = query.where { group in
            for term in terms { group.orWhere("search_terms", .like, SQLBind("% " + term + " %")) }
            return group
        }
        let rows = try await query.limit(500).all()
        let needed = terms.count >= 4 ? 2 : 1
        let titleTerms = Set(ArabicText.searchTerms(title))
        return try rows.compactMap { row -> SimilarProposal? in
            let stored = Set(try row.decode(column: "search_terms", as: String.self).split(separator: " ").map(String.init))
            let shared = terms.filter(stored.contains).count
            guard shared >= needed else { return nil }
            let titleShared = titleTerms.intersection(stored).count
            return SimilarProposal(id: try row.decode(column: "id", as: UUID.self),
                                   title: try row.decode(column: "title", as: String.self),
                                   state: try row.decode(column: "state", as: String.self),
                                   endorsements: try row.decode(column: "endorsement_count", as: Int.self),
                                   score: shared * 2 + titleShared)
        }.sorted { ($0.score, $0.endorsements) > ($1.score, $1.endorsements) }.prefix(limit).map { $0 }
    }
}

public struct SimilarProposal: Content, Sendable {
    public let id: UUID
    public let title: String
    public let state: String
    public let endorsements: Int
    public let score: Int
}

/// A person's use of a process's limits, kept in one row per person and process that every instance updates
/// atomically (an upsert returning the new count), so concurrent requests cannot pass a limit together.
enum Quota {
    static func add(endorsements: Int = 0, proposals: Int = 0, process: UUID, key: String, on db: any Database) async throws
        -> Int
    {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let row = try await sql.raw("""
            INSERT INTO participant_quotas (process_id, participant_key, endorsements, proposals)
            VALUES (\(bind: process), \(bind: key), \(bind: max(0, endorsements)), \(bind: max(0, proposals)))
            ON CONFLICT (process_id, participant_key) DO UPDATE SET
              endorsements = participant_quotas.endorsements + \(bind: endorsements),
              proposals = participant_quotas.proposals + \(bind: proposals)
            RETURNING endorsements, proposals
            """).first()
        guard let row else { return 0 }
        return try row.decode(column: proposals != 0 ? "proposals" : "endorsements", as: Int.self)
    }
}
