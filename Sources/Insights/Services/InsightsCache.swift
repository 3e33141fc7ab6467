import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The dashboard's counts, kept in memory per server process with the revision each group was counted at
/// (``CreateInsightsRevisions``). A request reads the revisions (one query of five rows): a group is recounted only
/// when a write to its tables moved its revision, in this server or another sharing the database, or when its counts
/// are older than ``maximumAge`` (the votes of an election count once it closes, which no write announces). Requests
/// arriving during a recount wait for that one recount; dashboards already answered are kept per filter until a
/// revision moves.
final class InsightsCache: Sendable {
    static let maximumAge: TimeInterval = 300
    static let answerLimit = 500

    private struct Counted {
        let revision: Int64
        let countedAt: Date
        let figures: [Figure]
    }

    private struct State {
        var groups: [InsightsGroup: Counted] = [:]
        var counting: [InsightsGroup: (revision: Int64, task: Task<Counted, any Error>)] = [:]
        var answers: [DashboardFilter: (revisions: [Int64], dashboard: Dashboard)] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// The dashboard under `filter`, from counts no older than the last write.
    func dashboard(_ filter: DashboardFilter, on db: any Database, now: Date) async throws -> Dashboard {
        let revisions = try await Self.revisions(on: db)
        let vector = InsightsGroup.allCases.map { revisions[$0] ?? 0 }
        if let kept = state.withLockedValue({ $0.answers[filter] }), kept.revisions == vector,
           now.timeIntervalSince(kept.dashboard.countedAt) < Self.maximumAge {
            return kept.dashboard
        }
        var figures: [Figure] = []
        var oldest = now
        for group in InsightsGroup.allCases {
            let counted = try await counts(group, revision: revisions[group] ?? 0, on: db, now: now)
            figures += counted.figures
            oldest = min(oldest, counted.countedAt)
        }
        let dashboard = Dashboard(filter: filter, figures: figures, countedAt: oldest)
        state.withLockedValue { state in
            if state.answers.count >= Self.answerLimit { state.answers = [:] }
            state.answers[filter] = (vector, dashboard)
        }
        return dashboard
    }

    private func counts(_ group: InsightsGroup, revision: Int64, on db: any Database, now: Date) async throws -> Counted {
        enum Found { case kept(Counted), counting(Task<Counted, any Error>) }
        let found: Found = state.withLockedValue { state in
            if let kept = state.groups[group], kept.revision == revision,
               now.timeIntervalSince(kept.countedAt) < Self.maximumAge {
                return .kept(kept)
            }
            if let running = state.counting[group], running.revision == revision { return .counting(running.task) }
            let task = Task {
                Counted(revision: revision, countedAt: now, figures: try await InsightsCounts.count(group, on: db, now: now))
            }
            state.counting[group] = (revision, task)
            return .counting(task)
        }
        let task: Task<Counted, any Error>
        switch found {
        case .kept(let kept): return kept
        case .counting(let running): task = running
        }
        do {
            let counted = try await task.value
            state.withLockedValue { state in
                if (state.groups[group]?.revision ?? -1) <= counted.revision { state.groups[group] = counted }
                if state.counting[group]?.revision == revision { state.counting[group] = nil }
            }
            return counted
        } catch {
            state.withLockedValue { if $0.counting[group]?.revision == revision { $0.counting[group] = nil } }
            throw error
        }
    }

    static func revisions(on db: any Database) async throws -> [InsightsGroup: Int64] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        var revisions: [InsightsGroup: Int64] = [:]
        for row in try await sql.select().column("figure_group").column("revision").from("insights_revisions").all() {
            if let group = InsightsGroup(rawValue: try row.decode(column: "figure_group", as: String.self)) {
                revisions[group] = try row.decode(column: "revision", as: Int64.self)
            }
        }
        return revisions
    }
}

extension Application {
    struct InsightsCacheKey: StorageKey { typealias Value = InsightsCache }

    /// Set when the room is configured (before any request: storage is not written concurrently).
    var insightsCache: InsightsCache {
        storage[InsightsCacheKey.self] ?? InsightsCache()
    }
}
