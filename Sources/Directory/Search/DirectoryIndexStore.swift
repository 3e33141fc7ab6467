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

/// Reads what the index needs from the database with SQLKit.
enum DirectoryIndexLoader {
    struct Change: Decodable {
        let sequence: Int64
        let organizationID: UUID
        enum CodingKeys: String, CodingKey { case sequence = "seq", organizationID = "organization_id" }
    }

    private struct OrganizationFields: Decodable {
        let id: UUID
        let sort_name: String
        let slug: String
        let kind: String
        let wilaya_code: String?
    }

    /// Rows per query while building.
    static let chunk = 50_000

    static func changes(after sequence: Int64, limit: Int, on db: any Database) async throws -> [Change] {
        guard let sql = db as? any SQLDatabase else { return [] }
        return try await sql.select().columns("seq", "organization_id").from("organization_changes")
            .where("seq", .greaterThan, SQLBind(sequence)).orderBy("seq").limit(limit).all(decoding: Change.self)
    }

    /// The whole index; reads the feed's position first, so changes made while loading are applied again.
    static func everything(on db: any Database) async throws -> DirectoryIndex {
        guard let sql = db as? any SQLDatabase else { return DirectoryIndex() }
        let last = try await sql.select().column(SQLFunction("MAX", args: SQLColumn("seq")), as: "last")
            .from("organization_changes").first(decodingColumn: "last", as: Int64?.self) ?? nil
        // Read in chunks (keyset pagination), so the build never holds a database connection for long: pages and
        // `/readyz` keep being served while it runs.
        let collector = Collector(postingsOnly: true)
        var after: UUID?
        repeat {
            var query = sql.select().columns("id", "sort_name", "slug", "kind", "wilaya_code").from("organizations")
                .orderBy("id").limit(chunk)
            if let after { query = query.where("id", .greaterThan, SQLBind(after)) }
            after = try await collector.read(query) { collector.addOrganization($0) }
        } while after != nil
        repeat {
            var query = sql.select().columns("id", "organization_id", "domain_code").from("organization_domains")
                .orderBy("id").limit(chunk)
            if let after { query = query.where("id", .greaterThan, SQLBind(after)) }
            after = try await collector.read(query) { collector.addDomain($0) }
        } while after != nil
        var afterTerm: (String, UUID)?
        repeat {
            var query = sql.select().columns("term", "organization_id").from("organization_terms")
                .orderBy("term").orderBy("organization_id").limit(chunk)
            if let (term, id) = afterTerm {
                query = query.where(SQLQueryString("(term, organization_id) > (\(bind: term), \(bind: id))"))
            }
            afterTerm = try await collector.readTerms(query)
        } while afterTerm != nil
        try collector.check()
        return DirectoryIndex(collector.organizations, postings: collector.postings, lastChange: last ?? 0)
    }

    /// The organisations with these ids as the index keeps them; a missing id was deleted.
    static func organizations(ids: Set<UUID>, on db: any Database) async throws -> [UUID: IndexedOrganization] {
        guard let sql = db as? any SQLDatabase, !ids.isEmpty else { return [:] }
        let list = SQLGroupExpression(SQLList(ids.map { SQLBind($0) }))
        let collector = Collector(postingsOnly: false)
        try await sql.select().columns("id", "sort_name", "slug", "kind", "wilaya_code").from("organizations")
            .where(SQLColumn("id"), .in, list).run { row in collector.addOrganization(row) }
        try await sql.select().columns("organization_id", "domain_code").from("organization_domains")
            .where(SQLColumn("organization_id"), .in, list).run { row in collector.addDomain(row) }
        try await sql.select().columns("term", "organization_id").from("organization_terms")
            .where(SQLColumn("organization_id"), .in, list).run { row in collector.addTerm(row) }
        try collector.check()
        return Dictionary(uniqueKeysWithValues: collector.organizations.map { ($0.id, $0) })
    }

    /// Gathers rows as the database streams them (one query at a time, so the lock is never contended).
    private final class Collector: @unchecked Sendable {
        private let lock = NIOLock()
        /// Whole builds gather terms straight into posting lists (slot = row position): a copy of every term per
        /// organisation would cost hundreds of megabytes on a large directory.
        private let postingsOnly: Bool
        private(set) var organizations: [IndexedOrganization] = []
        private(set) var postings: [String: [Int32]] = [:]

        private var lastID: UUID?
        private var lastTerm: (String, UUID)?
        private var rowsRead = 0

        init(postingsOnly: Bool) { self.postingsOnly = postingsOnly }

        /// Runs one chunk; returns the last `id` read when the chunk was full (there may be more).
        func read(_ query: SQLSelectBuilder, _ handle: @escaping @Sendable (any SQLRow) -> Void) async throws -> UUID? {
            lock.withLock { rowsRead = 0; lastID = nil }
            try await query.run { row in
                handle(row)
                let id = try? row.decode(column: "id", as: UUID.self)
                self.lock.withLock { self.rowsRead += 1; self.lastID = id }
            }
            try check()
            return lock.withLock { rowsRead == DirectoryIndexLoader.chunk ? lastID : nil }
        }

        /// Runs one chunk of terms; returns the last `(term, organization_id)` when the chunk was full.
        func readTerms(_ query: SQLSelectBuilder) async throws -> (String, UUID)? {
            lock.withLock { rowsRead = 0; lastTerm = nil }
            try await query.run { row in self.addTerm(row) }
            try check()
            return lock.withLock { rowsRead == DirectoryIndexLoader.chunk ? lastTerm : nil }
        }
        private var position: [UUID: Int] = [:]
        private var failure: (any Error)?
        private var previousTerm = ""

        func addOrganization(_ row: any SQLRow) {
            lock.withLock {
                do {
                    let fields = try row.decode(model: OrganizationFields.self)
                    position[fields.id] = organizations.count
                    organizations.append(IndexedOrganization(
                        id: fields.id, sortName: fields.sort_name, slug: fields.slug, kind: fields.kind,
                        wilayaCode: fields.wilaya_code, domains: [], terms: []))
                } catch { failure = failure ?? error }
            }
        }

        func addDomain(_ row: any SQLRow) {
            lock.withLock {
                do {
                    let id = try row.decode(column: "organization_id", as: UUID.self)
                    if let index = position[id] {
                        organizations[index].domains.append(try row.decode(column: "domain_code", as: String.self))
                    }
                } catch { failure = failure ?? error }
            }
        }

        func addTerm(_ row: any SQLRow) {
            lock.withLock {
                do {
                    let id = try row.decode(column: "organization_id", as: UUID.self)
                    var term = try row.decode(column: "term", as: String.self)
                    // Rows come sorted by term: share one string per term instead of one per row.
                    if term == previousTerm { term = previousTerm } else { previousTerm = term }
                    rowsRead += 1
                    lastTerm = (term, id)
                    guard let index = position[id] else { return }
                    if postingsOnly { postings[term, default: []].append(Int32(index)) }
                    else { organizations[index].terms.append(term) }
                } catch { failure = failure ?? error }
            }
        }

        func check() throws {
            if let failure = lock.withLock({ failure }) { throw failure }
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

/// Builds the directory index when the server boots, so the first visitor does not wait for it.
public struct DirectoryIndexWarmer: LifecycleHandler {
    public init() {}

    public func didBootAsync(_ application: Application) async throws {
        let store = application.directoryIndex, db = application.db, logger = application.logger
        let now = application.clock.now()
        Task {
            let started = Date()
            do {
                let index = try await store.rebuild(on: db, now: now)
                logger.info("directory index: \(index.count) organisations in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
            } catch {
                logger.warning("directory index not built at boot (it will be on first use): \(error)")
            }
        }
    }
}
