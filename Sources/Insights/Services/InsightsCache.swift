import Fluent
import Foundation
import NIOConcurrencyHelpers
import Platform
import SQLKit
import Vapor

/// The dashboard's counts, kept in memory per server process with the revision each group was counted at
/// (``CreateInsightsRevisions``). A request reads the revisions (one query of five rows): a group is recounted only
/// when a write to its tables moved its revision, in this server or another sharing the database, or when its counts
/// are older than ``maximumAge`` (the votes of an election count once it closes, which no write announces). Requests
/// arriving during a recount wait for that one recount; dashboards already answered are kept per filter until a
/// revision moves. Each answer has a serial number, and what is made of it (the JSON answer, the page an anonymous
/// visitor is shown) is kept under that number: a visitor is served bytes already written, not a new rendering.
final class InsightsCache: Sendable {
    static let maximumAge: TimeInterval = 300
    static let answerLimit = 500
    /// Pages are larger (about 200 kB in Arabic with every chart): fewer are kept.
    static let pageLimit = 200

    private struct Counted {
        let revision: Int64
        let countedAt: Date
        let figures: [Figure]
    }

    private struct State {
        var groups: [InsightsGroup: Counted] = [:]
        var counting: [InsightsGroup: (revision: Int64, task: Task<Counted, any Error>)] = [:]
        var answers: [DashboardFilter: (revisions: [Int64], dashboard: Dashboard, serial: Int)] = [:]
        var serial = 0
        var json: [Int: String] = [:]
        var pages: [String: ReusablePage] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// The dashboard under `filter`, from counts no older than the last write.
    func dashboard(_ filter: DashboardFilter, on db: any Database, now: Date) async throws -> Dashboard {
        try await kept(filter, on: db, now: now).dashboard
    }

    /// The dashboard's JSON answer, written once per answer.
    func json(_ filter: DashboardFilter, on db: any Database, now: Date) async throws -> Response {
        let (dashboard, serial) = try await kept(filter, on: db, now: now)
        let json: String
        if let written = state.withLockedValue({ $0.json[serial] }) {
            json = written
        } else {
            json = String(decoding: try JSONKeys.encoder().encode(dashboard), as: UTF8.self)
            state.withLockedValue { state in
                if state.json.count >= Self.answerLimit { state.json = [:] }
                state.json[serial] = json
            }
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: json))
    }

    /// The page for `filter`: a visitor without an account is served the page kept for the same answer, address,
    /// language and year (its form tokens written anew, ``ReusablePage``); anyone signed in gets it rendered.
    func page(_ filter: DashboardFilter, _ req: Request,
              render: (Dashboard) async throws -> View) async throws -> Response
    {
        let (dashboard, serial) = try await kept(filter, on: req.db, now: req.now)
        guard req.currentUser == nil else { return try await render(dashboard).encodeResponse(for: req) }
        let key = [String(serial), req.language.rawValue, req.url.string,
                   String(CivilCalendar.components(req.now, offset: 3600).year)].joined(separator: "\u{1F}")
        if let page = state.withLockedValue({ $0.pages[key] }) { return page.response(for: req) }
        let view = try await render(dashboard)
        let page = ReusablePage(String(buffer: view.data))
        state.withLockedValue { state in
            if state.pages.count >= Self.pageLimit { state.pages = [:] }
            state.pages[key] = page
        }
        return try await view.encodeResponse(for: req)
    }

    /// The dashboard under `filter` and its answer's serial number.
    private func kept(_ filter: DashboardFilter, on db: any Database, now: Date) async throws
        -> (dashboard: Dashboard, serial: Int)
    {
        let revisions = try await Self.revisions(on: db)
        let vector = InsightsGroup.allCases.map { revisions[$0] ?? 0 }
        if let kept = state.withLockedValue({ $0.answers[filter] }), kept.revisions == vector,
           now.timeIntervalSince(kept.dashboard.countedAt) < Self.maximumAge {
            return (kept.dashboard, kept.serial)
        }
        var figures: [Figure] = []
        var oldest = now
        for group in InsightsGroup.allCases {
            let counted = try await counts(group, revision: revisions[group] ?? 0, on: db, now: now)
            figures += counted.figures
            oldest = min(oldest, counted.countedAt)
        }
        let dashboard = Dashboard(filter: filter, figures: figures, countedAt: oldest)
        let serial = state.withLockedValue { state in
            if state.answers.count >= Self.answerLimit { state.answers = [:] }
            state.serial += 1
            state.answers[filter] = (vector, dashboard, state.serial)
            return state.serial
        }
        return (dashboard, serial)
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
