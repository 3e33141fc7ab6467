import Fluent
import NIOConcurrencyHelpers
import Platform
import SQLKit
import Vapor

/// Keeps the directory's in-memory index (``DirectoryIndex``) in step with the database.
///
/// Every write to an organisation appends its id to the `organization_changes` feed in the writing
/// transaction (``OrganizationSearchIndex/reindex(_:on:)``). Before answering, the store reads the feed
/// past the last change it holds (one indexed range read, usually empty) and applies what it finds, so a
/// change is visible to the next query of every process sharing the database. The first query builds the
/// index (`serve` starts that at boot); concurrent callers wait for the same build.
final class DirectoryIndexStore: Sendable {
    /// More changes than this at once (an import, a seeding run) and the store rebuilds instead.
    static let rebuildAfterChanges = 2_000
    /// How often the feed is read when nothing in this process said it changed (writes of other processes
    /// sharing the database show up within this time; this process's own writes call ``invalidate()``).
    static let feedInterval: TimeInterval = 1
    /// Cached list rows and rendered cards beyond this many are dropped all at once.
    static let cacheLimit = 20_000

    private struct State {
        var index: DirectoryIndex?
        var build: Task<DirectoryIndex, any Error>?
        var checkedAt = Date.distantPast
        var stale = false
        var rows: [UUID: OrganizationRow] = [:]
        var fragments: [UUID: [String: String]] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// False while the first build runs (searches then go to the database, slower).
    var isReady: Bool {
        state.withLockedValue { $0.index != nil || $0.build == nil }
    }

    /// Says that organisations changed (after the writing transaction committed): the next query reads the feed.
    func invalidate() {
        state.withLockedValue { $0.stale = true }
    }

    /// The index, up to date with the changes feed (read when invalidated, or at most every ``feedInterval``);
    /// nil while the first build (started at boot) is still running: callers then ask the database.
    func current(on db: any Database, now: Date) async throws -> DirectoryIndex? {
        var building = false
        let snapshot: (index: DirectoryIndex, due: Bool)? = state.withLockedValue { state in
            guard let index = state.index else {
                building = state.build != nil
                return nil
            }
            let due = state.stale || now.timeIntervalSince(state.checkedAt) >= Self.feedInterval || now < state.checkedAt
            if due {
                state.stale = false
                state.checkedAt = now
            }
            return (index, due)
        }
        if snapshot == nil, building { return nil }
        guard let (index, due) = snapshot else { return try await rebuild(on: db, now: now) }
        guard due else { return index }
        let changes = try await DirectoryIndexLoader.changes(after: index.lastChange,
                                                             limit: Self.rebuildAfterChanges + 1, on: db)
        guard let last = changes.last?.sequence else { return index }
        if changes.count > Self.rebuildAfterChanges { return try await rebuild(on: db, now: now) }
        var updated = index
        let ids = Set(changes.map(\.organizationID))
        let documents = try await DirectoryIndexLoader.organizations(ids: ids, on: db)
        for id in ids {
            if let document = documents[id] { updated.upsert(document) } else { updated.remove(id) }
        }
        updated.lastChange = last
        if updated.deadSlots > max(1_000, updated.count / 4) { return try await rebuild(on: db, now: now) }
        let fresh = updated
        state.withLockedValue { state in
            for id in ids {
                state.rows[id] = nil
                state.fragments[id] = nil
            }
            if (state.index?.lastChange ?? -1) < fresh.lastChange { state.index = fresh }
        }
        return fresh
    }

    /// Builds the index from the database, once however many callers ask at the same time.
    func rebuild(on db: any Database, now: Date) async throws -> DirectoryIndex {
        let task: Task<DirectoryIndex, any Error> = state.withLockedValue { state in
            if let build = state.build { return build }
            let build = Task { try await DirectoryIndexLoader.everything(on: db) }
            state.build = build
            return build
        }
        do {
            let index = try await task.value
            state.withLockedValue { state in
                if (state.index?.lastChange ?? -1) <= index.lastChange {
                    state.index = index
                    state.rows = [:]
                    state.fragments = [:]
                    state.checkedAt = now
                }
                state.build = nil
            }
            return index
        } catch {
            state.withLockedValue { $0.build = nil }
            throw error
        }
    }

    /// List rows of these organisations, in this order: from memory, the missing ones in one primary-key read.
    func rows(_ ids: [UUID], on db: any Database) async throws -> [OrganizationRow] {
        var known = state.withLockedValue { state in ids.compactMap { state.rows[$0] } }
        if known.count < ids.count, let sql = db as? any SQLDatabase {
            let have = Set(known.map(\.id))
            let missing = ids.filter { !have.contains($0) }
            let fetched = try await sql.select().columns("id", "slug", "kind", "name", "description", "wilaya_code")
                .from("organizations").where(SQLColumn("id"), .in, SQLGroupExpression(SQLList(missing.map { SQLBind($0) })))
                .all(decoding: OrganizationRow.self)
            state.withLockedValue { state in
                if state.rows.count + fetched.count > Self.cacheLimit { state.rows = [:] }
                for row in fetched { state.rows[row.id] = row }
            }
            known += fetched
        }
        let byID = Dictionary(known.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// A rendered piece of page about one organisation (a directory card in one language), if cached; dropped
    /// when the organisation changes.
    func fragment(_ id: UUID, _ key: String) -> String? {
        state.withLockedValue { $0.fragments[id]?[key] }
    }

    func storeFragment(_ id: UUID, _ key: String, _ html: String) {
        state.withLockedValue { state in
            if state.fragments.count >= Self.cacheLimit { state.fragments = [:] }
            state.fragments[id, default: [:]][key] = html
        }
    }
}

extension Application {
    private struct DirectoryIndexKey: StorageKey { typealias Value = DirectoryIndexStore }

    /// The directory's in-memory search index (one per process).
    var directoryIndex: DirectoryIndexStore {
        if let store = storage[DirectoryIndexKey.self] { return store }
        let store = DirectoryIndexStore()
        storage[DirectoryIndexKey.self] = store
        return store
    }
}
