import Fluent
import Foundation
import Platform
import SQLKit
import Synchronization

/// What a ballot is checked against, as plain values: the election's rules and window, its budgets and projects.
/// Ballots come in bursts and each would otherwise load the election and its projects again; the copy is kept in
/// memory by id (``ElectionSnapshots``) and used only while the database's `revision` still matches it.
public struct ElectionSnapshot: Sendable {
    public struct Budget: Sendable {
        public let id: UUID
        public let position: Int
        public let amount: Int64
    }

    public struct Project: Sendable {
        public let number: Int
        public let budgetID: UUID
        public let cost: Int64
        public let excluded: Bool
    }

    public let id: UUID
    public let revision: Int
    public let state: ElectionState
    public let ballotKind: BallotKind
    public let minProjects: Int
    public let maxProjects: Int?
    public let budgetsPerVoter: Int?
    public let minimumAge: Int?
    public let opensAt: Date
    public let closesAt: Date
    public let budgets: [Budget]
    public let projects: [Project]

    public func phase(at now: Date) -> ElectionPhase {
        guard state == .scheduled else { return .draft }
        if now < opensAt { return .upcoming }
        if now < closesAt { return .open }
        return .closed
    }

    /// The budget a ballot is for, and its projects' numbers (sorted, without repeats), or the rule it breaks.
    public func check(_ input: BallotInput) throws -> (Budget, [Int]) {
        let budget: Budget
        if let id = input.budgetID {
            guard let found = budgets.first(where: { $0.id == id }) else { throw ElectionError.budgetNotFound }
            budget = found
        } else {
            guard budgets.count == 1, let only = budgets.first else {
                throw ValidationFailure([FieldError("budget_id", "validation.required")])
            }
            budget = only
        }
        let numbers = Array(Set(input.projects ?? [])).sorted()
        let offered = Dictionary(projects.filter { $0.budgetID == budget.id && !$0.excluded }.map { ($0.number, $0.cost) },
                                 uniquingKeysWith: { first, _ in first })
        guard numbers.allSatisfy({ offered[$0] != nil }) else { throw ElectionError.unknownProject }
        let minimum = max(minProjects, 1)
        if numbers.count < minimum { throw ElectionError.tooFew(minimum: minimum) }
        if let maximum = maxProjects, numbers.count > maximum { throw ElectionError.tooMany(maximum: maximum) }
        if ballotKind == .withinBudget {
            let total = numbers.reduce(Int64(0)) { $0 + (offered[$1] ?? 0) }
            if total > budget.amount { throw ElectionError.overBudget(budget: budget.amount, total: total) }
        }
        return (budget, numbers)
    }
}

/// The elections' snapshots kept in memory, and what a ballot reads with them in one query: whether the snapshot is
/// current, whether the tally has run, the process's scope, and the room's secret.
public enum ElectionSnapshots {
    public struct Current: Sendable {
        public let election: ElectionSnapshot
        public let tallied: Bool
        public let scope: [String]
        public let secret: String
        /// For the voter's account: the last day of a suspension in force, and the wilaya and sex of their profile.
        public let suspendedUntil: String?
        public let profile: Demographics
        /// The account was checked in at a polling station: it votes there, not online.
        public var checkedIn = false
    }

    static let kept = Mutex<[UUID: ElectionSnapshot]>([:])
    static let limit = 256

    /// Moves the election's revision: its snapshot will be read again.
    static func revise(_ id: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("UPDATE budget_elections SET revision = revision + 1 WHERE id = \(bind: id)").run()
    }

    /// The election as a ballot sees it now, and what a ballot by `userID` needs to know of the account, or nil
    /// when there is no such election.
    public static func current(_ id: UUID, userID: UUID? = nil, on db: any Database, now: Date) async throws -> Current? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let today = ISODate.string(now)
        guard let row = try await sql.raw("""
            SELECT e.revision, e.tallied_at, p.scope_wilayas,
                   (SELECT secret FROM participation_secrets WHERE id = 1) AS secret,
                   (SELECT until FROM participation_suspensions WHERE user_id = \(bind: userID) AND lifted_at IS NULL
                      AND until >= \(bind: today) ORDER BY until DESC LIMIT 1) AS suspended_until,
                   (SELECT wilaya_code FROM people WHERE user_id = \(bind: userID) AND erased_at IS NULL LIMIT 1)
                      AS profile_wilaya,
                   (SELECT sex FROM people WHERE user_id = \(bind: userID) AND erased_at IS NULL LIMIT 1) AS profile_sex,
                   (SELECT COUNT(*) FROM station_checkins WHERE election_id = e.id AND user_id = \(bind: userID))
                      AS checked_in
            FROM budget_elections e JOIN participatory_processes p ON p.id = e.process_id
            WHERE e.id = \(bind: id)
            """).first() else { return nil }
        let revision = try row.decode(column: "revision", as: Int.self)
        let tallied = try row.decode(column: "tallied_at", as: Date?.self) != nil
        let scope = try row.decode(column: "scope_wilayas", as: String.self).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let secret = try row.decode(column: "secret", as: String?.self) else { throw ParticipationError.secretMissing }
        var snapshot = kept.withLock { $0[id] }
        if snapshot?.revision != revision {
            snapshot = try await load(id, on: sql)
            if let snapshot {
                kept.withLock { kept in
                    if kept.count >= limit { kept.removeAll() }
                    kept[id] = snapshot
                }
            }
        }
        guard let snapshot else { return nil }
        var current = Current(election: snapshot, tallied: tallied, scope: scope, secret: secret,
                              suspendedUntil: try row.decode(column: "suspended_until", as: String?.self),
                              profile: Demographics(wilayaCode: try row.decode(column: "profile_wilaya", as: String?.self),
                                                    sex: try row.decode(column: "profile_sex", as: String?.self)))
        current.checkedIn = try row.decode(column: "checked_in", as: Int.self) > 0
        return current
    }

    static func load(_ id: UUID, on sql: any SQLDatabase) async throws -> ElectionSnapshot? {
        guard let row = try await sql.raw("""
            SELECT revision, state, ballot_kind, min_projects, max_projects, budgets_per_voter, minimum_age, opens_at,
                   closes_at
            FROM budget_elections WHERE id = \(bind: id)
            """).first() else { return nil }
        let budgets = try await sql.raw("""
            SELECT id, position, amount FROM election_budgets WHERE election_id = \(bind: id) ORDER BY position
            """).all().map {
            ElectionSnapshot.Budget(id: try $0.decode(column: "id", as: UUID.self),
                                    position: try $0.decode(column: "position", as: Int.self),
                                    amount: try $0.decode(column: "amount", as: Int64.self))
        }
        let projects = try await sql.raw("""
            SELECT number, budget_id, cost, excluded_at FROM election_projects WHERE election_id = \(bind: id)
            ORDER BY number
            """).all().map {
            ElectionSnapshot.Project(number: try $0.decode(column: "number", as: Int.self),
                                     budgetID: try $0.decode(column: "budget_id", as: UUID.self),
                                     cost: try $0.decode(column: "cost", as: Int64.self),
                                     excluded: try $0.decode(column: "excluded_at", as: Date?.self) != nil)
        }
        return ElectionSnapshot(
            id: id, revision: try row.decode(column: "revision", as: Int.self),
            state: ElectionState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft,
            ballotKind: BallotKind(rawValue: try row.decode(column: "ballot_kind", as: String.self)) ?? .withinBudget,
            minProjects: try row.decode(column: "min_projects", as: Int.self),
            maxProjects: try row.decode(column: "max_projects", as: Int?.self),
            budgetsPerVoter: try row.decode(column: "budgets_per_voter", as: Int?.self),
            minimumAge: try row.decode(column: "minimum_age", as: Int?.self),
            opensAt: try row.decode(column: "opens_at", as: Date.self),
            closesAt: try row.decode(column: "closes_at", as: Date.self), budgets: budgets, projects: projects)
    }
}
