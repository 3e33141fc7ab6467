import ArabicText
import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// A large process for benchmarks: `proposals` proposals over every wilaya and a few domains, endorsed by a
/// pool of seeded people (demographics as captured), and one proposal with `comments` comments (a fifth of them
/// replies), plus a reader account with an API token. Rows go in by SQL in batches, in one transaction each.
public enum ParticipationSeeder {
    public struct Seeded: Sendable {
        public let processSlug: String
        public let threadID: UUID
        public let token: String
    }

    static let words = ["حديقة", "مكتبة", "تعاونية", "سوق", "ورشة", "حاضنة", "نقل", "مياه", "شباب", "نساء", "حرفيين",
                        "فلاحين", "تكوين", "رقمنة", "تدوير", "طاقة", "شمسية", "صحة", "رياضة", "ثقافة", "الحي", "البلدية",
                        "الواحات", "الجبل", "الساحل", "مدرسة", "جمعية", "تضامنية", "محلية", "مستدامة"]

    /// A national process of benchmarks: threshold 50, no limits, counts shown, stances, no pre-moderation.
    static func benchmarkProcess(_ slug: String, title: Translated, details: Translated, organizer: Organization,
                                 now: Date) throws -> ParticipatoryProcess {
        let process = ParticipatoryProcess()
        process.slug = slug
        process.title = title
        process.details = details
        process.organizerID = try organizer.requireID()
        process.scopeWilayas = ""
        process.endorsementThreshold = 50
        process.countsVisible = true
        process.stances = true
        process.premoderation = false
        process.createdAt = now
        return process
    }

    public static func seed(proposals: Int, comments: Int, on db: any Database, now: Date,
                            progress: @Sendable (String) -> Void) async throws -> Seeded
    {
        guard let sql = db as? any SQLDatabase else { throw CommandUsageError("SQL database needed") }
        guard let organizer = try await Organization.query(on: db).first() else {
            throw CommandUsageError("no organisation: run `shabaka seed-demo` first, or start once with demo data")
        }
        let wilayas = try await Wilaya.query(on: db).all().compactMap(\.id)
        let domains = Array(try await Domain.query(on: db).all().compactMap(\.id).prefix(8))
        var random = SplitMix64(seed: 7)
        let unusable = try Bcrypt.hash(Keyed.randomToken(), cost: 8)
        let slug = "bench-" + UUID().uuidString.prefix(8).lowercased()
        let day: TimeInterval = 86_400
        // People: authors and endorsers.
        let people: [UUID] = try await db.transaction { tx in
            var people: [UUID] = []
            for index in 0..<200 {
                let user = User(email: "bench\(index)-\(slug)@bench.invalid", displayName: "مشارك \(index)",
                                passwordHash: unusable, language: .ar)
                try await user.create(on: tx)
                try await UserRole(userID: try user.requireID(), role: .citizen).create(on: tx)
                people.append(try user.requireID())
            }
            return people
        }
        // The reader comments on the long thread but did not write its proposal (the first): the page they open is
        // a reader's, as most are.
        let reader = people[0]
        let (token, hash) = APIToken.generate()
        try await APIToken(userID: reader, tokenHash: hash, expiresAt: now.addingTimeInterval(30 * day)).create(on: db)
        let process = try benchmarkProcess(slug, title: Translated(ar: "مسار القياس", fr: "Processus de mesure",
                                                                   en: "Benchmark process"),
                                           details: Translated(ar: "مسار كبير لقياس السرعة."), organizer: organizer, now: now)
        try await process.create(on: db)
        let processID = try process.requireID()
        for (position, (kind, start, end)) in [(PhaseKind.proposals, -30, 30), (.deliberation, 31, 60)].enumerated() {
            let phase = ProcessPhase()
            phase.$process.id = processID
            phase.position = position + 1
            phase.kind = kind
            phase.startsOn = ISODate.string(now.addingTimeInterval(Double(start) * day))
            phase.endsOn = ISODate.string(now.addingTimeInterval(Double(end) * day))
            phase.opens = kind.defaultOpenings.sorted().map(\.rawValue).joined(separator: ",")
            try await phase.create(on: db)
        }
        var threadID: UUID?
        let batch = 500
        var made = 0
        while made < proposals {
            let count = min(batch, proposals - made)
            var proposalRows: [[any SQLExpression]] = []
            var endorsementRows: [[any SQLExpression]] = []
            for index in made..<(made + count) {
                let id = UUID()
                if threadID == nil { threadID = id }
                let title = (0..<4).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
                let body = (0..<24).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
                let wilaya = wilayas[index % wilayas.count]
                let endorsers = Int(random.next() % 12)
                let published = now.addingTimeInterval(-Double(index % 2_000) * 600)
                proposalRows.append([
                    SQLBind(id), SQLBind(processID), SQLBind(people[(index + 1) % people.count]), SQLBind("\(title) \(index)"),
                    SQLBind(body), SQLBind(wilaya), SQLBind(domains.isEmpty ? nil : domains[index % domains.count]),
                    SQLBind(index % 9 == 0 ? ProposalState.evaluating.rawValue : ProposalState.published.rawValue),
                    SQLBind(ProposalService.terms(title, body)), SQLBind(endorsers), SQLBind(0), SQLBind(1), SQLBind(false),
                    SQLBind(published), SQLBind(published),
                ])
                for person in 0..<endorsers {
                    let endorser = people[(index + person * 17) % people.count]
                    endorsementRows.append([
                        SQLBind(UUID()), SQLBind(id), SQLBind(processID), SQLBind(ParticipantKey.account(endorser)),
                        SQLBind(endorser), SQLBind(wilaya), SQLBind(person % 2 == 0 ? "f" : "m"),
                        SQLBind(AgeGroup.allCases[person % 6].rawValue), SQLBind(published),
                    ])
                }
            }
            let proposalBatch = proposalRows
            let endorsementBatch = endorsementRows
            try await db.transaction { tx in
                guard let sql = tx as? any SQLDatabase else { return }
                try await sql.insert(into: Proposal.schema)
                    .columns("id", "process_id", "author_id", "title", "body", "wilaya_code", "domain_code", "state",
                             "search_terms", "endorsement_count", "comment_count", "version", "pending_moderation",
                             "created_at", "published_at")
                    .rows(proposalBatch).run()
                if !endorsementBatch.isEmpty {
                    try await sql.insert(into: Endorsement.schema)
                        .columns("id", "proposal_id", "process_id", "participant_key", "user_id", "wilaya_code", "sex",
                                 "age_group", "created_at")
                        .rows(endorsementBatch).run()
                }
            }
            made += count
            if made % 2_000 == 0 || made == proposals { progress("\(made)/\(proposals) proposals") }
        }
        guard let threadID else { throw CommandUsageError("no proposal seeded") }
        var posted = 0
        var parents: [UUID] = []
        while posted < comments {
            let count = min(batch, comments - posted)
            var rows: [[any SQLExpression]] = []
            for index in posted..<(posted + count) {
                let id = UUID()
                let reply = index % 5 == 4 && !parents.isEmpty
                let parent: UUID? = reply ? parents[Int(random.next() % UInt64(parents.count))] : nil
                if !reply { parents.append(id) }
                let body = (0..<16).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
                let stance: String? = reply ? nil : [Stance.inFavour, .against, .neutral][index % 3].rawValue
                rows.append([
                    SQLBind(id), SQLBind(CommentSubject.proposal.rawValue), SQLBind(threadID), SQLBind(processID),
                    SQLBind(parent), SQLBind(people[index % people.count]), SQLBind(body), SQLBind(stance),
                    SQLBind(0), SQLBind(false), SQLBind(now.addingTimeInterval(Double(index - comments) * 60)),
                ])
            }
            let batchRows = rows
            try await db.transaction { tx in
                guard let sql = tx as? any SQLDatabase else { return }
                try await sql.insert(into: Comment.schema)
                    .columns("id", "subject_type", "subject_id", "process_id", "parent_id", "author_id", "body", "stance",
                             "reply_count", "pending_moderation", "created_at")
                    .rows(batchRows).run()
            }
            posted += count
            if posted % 1_000 == 0 || posted == comments { progress("\(posted)/\(comments) comments") }
        }
        // The stored counts, from the rows.
        try await sql.raw("""
            UPDATE comments SET reply_count = (SELECT COUNT(*) FROM comments r WHERE r.parent_id = comments.id)
            WHERE subject_id = \(bind: threadID) AND parent_id IS NULL
            """).run()
        try await sql.raw("""
            UPDATE proposals SET comment_count = (SELECT COUNT(*) FROM comments c WHERE c.subject_id = proposals.id)
            WHERE id = \(bind: threadID)
            """).run()
        return Seeded(processSlug: slug, threadID: threadID, token: token)
    }
}
