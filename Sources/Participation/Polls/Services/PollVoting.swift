import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// Voting in a poll: open by the clock alone; one vote per participant (or per member organisation in an assembly),
/// replaced by a later one until the close, in one statement that the unique key on (poll, voter) makes safe under
/// concurrency. A participant's vote carries no identity, only a keyed hash of the poll and the person.
public enum PollVoting {
    public static func cast(_ poll: Poll, _ input: PollVoteInput, by user: CurrentUser, on db: any Database, now: Date)
        async throws -> PollVoteReceipt
    {
        let id = try poll.requireID()
        switch poll.phase(at: now) {
        case .upcoming: throw PollError.notYetOpen
        case .closed: throw PollError.closed
        case .open: break
        }
        let options = try await PollAuthoring.options(of: poll, on: db).map(\.position)
        let choices = try check(input, poll: poll, options: options)
        let link: String
        let organizationID: UUID?
        if let assemblyID = poll.assemblyID {
            let member = try await AssemblyService.actingFor(input.organizationID, user: user, in: assemblyID, on: db)
            organizationID = member
            link = "org:" + member.uuidString.lowercased()
        } else {
            organizationID = nil
            try user.require(.participate)
            try await ParticipationPolicy.requireNotSuspended(user, on: db, now: now)
            link = Keyed.hash("poll:" + id.uuidString.lowercased() + ":" + ParticipantKey.account(user.id),
                              secret: try await Keyed.secret(on: db))
        }
        let abstain = input.abstain == true
        let text = choices.map(String.init).joined(separator: ",")
        let castBy: UUID? = organizationID == nil ? nil : user.id
        let version = try await db.transaction { tx -> Int in
            guard let sql = tx as? any SQLDatabase else { return 1 }
            let row = try await sql.raw("""
                INSERT INTO poll_votes (id, poll_id, voter_link, organization_id, cast_by, choices, abstain, version, cast_at)
                VALUES (\(bind: UUID()), \(bind: id), \(bind: link), \(bind: organizationID), \(bind: castBy),
                        \(bind: text), \(bind: abstain), 1, \(bind: now))
                ON CONFLICT (poll_id, voter_link) DO UPDATE SET choices = excluded.choices, abstain = excluded.abstain,
                    cast_by = excluded.cast_by, cast_at = excluded.cast_at, version = poll_votes.version + 1
                RETURNING version
                """).first()
            if let organizationID {
                // An assembly's votes are public: the representative's vote for the member is audited.
                try await AuditLog.record(on: tx, actor: AuditActor(user), action: "assembly.voted", subjectType: "poll",
                                          subjectID: id.uuidString,
                                          details: ["organization": organizationID.uuidString,
                                                    "choices": abstain ? "abstain" : text], at: now)
            }
            return try row?.decode(column: "version", as: Int.self) ?? 1
        }
        return PollVoteReceipt(pollID: id, choices: abstain ? [] : choices, abstain: abstain, version: version,
                               organizationID: organizationID)
    }

    /// The choices the poll's method allows: exactly one (plurality), at least one (approval), or a ranking of at
    /// least one (Schulze, most preferred first); every option known and named once. An abstention holds none.
    static func check(_ input: PollVoteInput, poll: Poll, options: [Int]) throws -> [Int] {
        if input.abstain == true {
            guard poll.allowAbstain else { throw PollError.abstainNotAllowed }
            return []
        }
        let choices = input.choices ?? []
        guard !choices.isEmpty else { throw PollError.noChoice }
        guard choices.allSatisfy(options.contains) else { throw PollError.unknownOption }
        guard Set(choices).count == choices.count else { throw PollError.repeatedOption }
        if poll.method == .plurality, choices.count != 1 { throw PollError.oneChoice }
        return choices
    }

    /// The signed-in person's current vote (a participant's found by the keyed hash; an assembly member's by the
    /// organisations the person represents).
    public static func mine(_ poll: Poll, user: CurrentUser?, on db: any Database) async throws -> [PollVote] {
        guard let user, let id = poll.id else { return [] }
        if poll.assemblyID != nil {
            let orgs = try await Representation.organizations(of: user.id, on: db).compactMap(\.id)
            guard !orgs.isEmpty else { return [] }
            return try await PollVote.query(on: db).filter(\.$pollID == id).filter(\.$organizationID ~~ orgs).all()
        }
        let link = Keyed.hash("poll:" + id.uuidString.lowercased() + ":" + ParticipantKey.account(user.id),
                              secret: try await Keyed.secret(on: db))
        return try await PollVote.query(on: db).filter(\.$pollID == id).filter(\.$voterLink == link).all()
    }
}

/// What a voter is told after voting.
public struct PollVoteReceipt: Content, Sendable {
    public let pollID: UUID
    public let choices: [Int]
    public let abstain: Bool
    /// 1 for a first vote; more when it replaced earlier ones.
    public let version: Int
    public let organizationID: UUID?
}
