import Fluent
import Foundation
import Platform
import SQLKit
import Synchronization
import Vapor

/// One ballot's rows, as ``BallotService`` checked it.
struct BallotWrite: Sendable {
    /// One more voter in their turnout cell (channel, wilaya, sex, age group; '' when not given).
    static func countTurnout(_ electionID: UUID, channel: BallotChannel, demographics: Demographics,
                             on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO election_turnout (id, election_id, channel, wilaya_code, sex, age_group, voters)
            VALUES (\(bind: UUID()), \(bind: electionID), \(bind: channel.rawValue),
                    \(bind: demographics.wilayaCode ?? ""), \(bind: demographics.sex ?? ""),
                    \(bind: demographics.ageGroup ?? ""), 1)
            ON CONFLICT (election_id, channel, wilaya_code, sex, age_group)
            DO UPDATE SET voters = election_turnout.voters + 1
            """).run()
    }

    let electionID: UUID
    let budgetID: UUID
    let link: String
    let receipt: String
    let projects: String
    let channel: BallotChannel
    let demographics: Demographics
    let budgetsPerVoter: Int?
    let audit: (AuditActor, String)?
    let now: Date

    /// The ballot (replacing the voter's earlier one in the budget) and, the first time, the voter's row and turnout
    /// cell. With `claim`, the election's row is claimed first: a ballot and the tally never overlap, so an
    /// acknowledged ballot is always counted (a batch claims each election once). Returns the ballot's version.
    func apply(on tx: any Database, claim: Bool = true) async throws -> Int {
        guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError, reason: "ballots need SQL") }
        if claim {
            let open = try await sql.raw("""
                UPDATE budget_elections SET state = state
                WHERE id = \(bind: electionID) AND tallied_at IS NULL RETURNING id
                """).first()
            guard open != nil else { throw ElectionError.closed }
        }
        let row = try await sql.raw("""
            INSERT INTO election_ballots (id, election_id, budget_id, voter_link, receipt, projects, channel, version)
            VALUES (\(bind: UUID()), \(bind: electionID), \(bind: budgetID), \(bind: link), \(bind: receipt),
                    \(bind: projects), \(bind: channel.rawValue), 1)
            ON CONFLICT (budget_id, voter_link) DO UPDATE SET receipt = excluded.receipt,
                projects = excluded.projects, channel = excluded.channel, version = election_ballots.version + 1
            RETURNING version
            """).first()
        let version = try row?.decode(column: "version", as: Int.self) ?? 1
        // A changed ballot is all: the voter is counted already.
        if version == 1 {
            let firstTime = try await sql.raw("""
                INSERT INTO election_voters (election_id, voter_link, channel)
                VALUES (\(bind: electionID), \(bind: link), \(bind: channel.rawValue))
                ON CONFLICT (election_id, voter_link) DO NOTHING RETURNING voter_link
                """).first() != nil
            if firstTime {
                try await Self.countTurnout(electionID, channel: channel, demographics: demographics, on: sql)
            } else if let limit = budgetsPerVoter {
                // A first ballot in another budget: within the number of budgets one person votes in.
                let others = try await sql.raw("""
                    SELECT COUNT(*) AS n FROM election_ballots
                    WHERE election_id = \(bind: electionID) AND voter_link = \(bind: link) AND budget_id <> \(bind: budgetID)
                    """).first()?.decode(column: "n", as: Int.self) ?? 0
                if others >= limit { throw ElectionError.tooManyBudgets(maximum: limit) }
            }
        }
        if let (actor, kind) = audit {
            try await AuditLog.record(on: tx, actor: actor, action: "election.ballot_assisted",
                                      subjectType: "budget_election", subjectID: electionID.uuidString,
                                      details: ["assisted": "true", "document_kind": kind], at: now)
        }
        return version
    }
}

/// Group commit of ballots: those that arrive while a transaction is being written wait for the next one, which
/// writes them all (each in a savepoint of its own, so that one refused ballot leaves the others) and is committed
/// once. Each voter is answered after the commit that holds their ballot: an acknowledged ballot is a durable one.
/// One writer per application, so a server's ballots never contend with each other for the database's write lock.
public final class BallotWriter: Sendable {
    struct Job {
        let write: BallotWrite
        let continuation: CheckedContinuation<Int, any Error>
    }

    struct State {
        var pending: [Job] = []
        var running = false
    }

    private let state = Mutex(State())
    /// The most ballots one transaction writes.
    static let batchLimit = 256

    public init() {}

    func write(_ write: BallotWrite, on db: any Database) async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let start = state.withLock { state -> Bool in
                state.pending.append(Job(write: write, continuation: continuation))
                guard !state.running else { return false }
                state.running = true
                return true
            }
            if start { Task { await self.drain(on: db) } }
        }
    }

    private func drain(on db: any Database) async {
        while true {
            let batch = state.withLock { state -> [Job] in
                let batch = Array(state.pending.prefix(Self.batchLimit))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.running = false }
                return batch
            }
            if batch.isEmpty { return }
            await commit(batch, on: db)
        }
    }

    /// The batch in one transaction; each election is claimed once. The checks ran before, so a refusal here is
    /// rare (a close, a budget too many): then the batch is written again, each ballot in a savepoint of its own, so
    /// that the refused one leaves the others.
    private func commit(_ batch: [Job], on db: any Database) async {
        do {
            let versions: [Int] = try await db.transaction { tx in
                var claimed = Set<UUID>()
                var versions: [Int] = []
                for job in batch {
                    versions.append(try await job.write.apply(on: tx, claim: claimed.insert(job.write.electionID).inserted))
                }
                return versions
            }
            for (job, version) in zip(batch, versions) { job.continuation.resume(returning: version) }
        } catch {
            guard batch.count > 1 else { return batch[0].continuation.resume(throwing: error) }
            await commitEach(batch, on: db)
        }
    }

    private func commitEach(_ batch: [Job], on db: any Database) async {
        do {
            let outcomes: [Result<Int, any Error>] = try await db.transaction { tx in
                guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError, reason: "ballots need SQL") }
                var outcomes: [Result<Int, any Error>] = []
                for job in batch {
                    try await sql.raw("SAVEPOINT ballot").run()
                    do {
                        outcomes.append(.success(try await job.write.apply(on: tx)))
                        try await sql.raw("RELEASE SAVEPOINT ballot").run()
                    } catch {
                        try await sql.raw("ROLLBACK TO SAVEPOINT ballot").run()
                        try await sql.raw("RELEASE SAVEPOINT ballot").run()
                        outcomes.append(.failure(error))
                    }
                }
                return outcomes
            }
            for (job, outcome) in zip(batch, outcomes) { job.continuation.resume(with: outcome) }
        } catch {
            for job in batch { job.continuation.resume(throwing: error) }
        }
    }
}

extension Application {
    private struct BallotWriterKey: StorageKey { typealias Value = BallotWriter }

    /// The application's ballot writer, made when the room is configured.
    public var ballotWriter: BallotWriter {
        if let writer = storage[BallotWriterKey.self] { return writer }
        let writer = BallotWriter()
        storage[BallotWriterKey.self] = writer
        return writer
    }
}
