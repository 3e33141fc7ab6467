import Directory
import Fluent
import NIOConcurrencyHelpers
import Platform
import SQLKit
import Vapor

/// What the room's busiest pages read again and again, kept in memory per process of the server and checked
/// against the database's revision counters (``ParticipationRevisions``) on every request: one small query says
/// whether anything changed, in this server or another sharing the database, so a page never shows what a
/// committed write has replaced.
///
/// - a process with its phases and organiser (``ProcessSnapshot``);
/// - the proposal list index of a process (``ProposalIndex``), brought up to date by reading only the proposals
///   changed since (each row carries the revision of its last change);
/// - pages of comments with their first replies and authors' names (``ThreadCache``), and their rendered HTML.
final class ParticipationCache: Sendable {
    /// Beyond this many entries of a kind, that kind is emptied at once (the next requests fill it again).
    static let limit = 2_000
    /// Whole pages are larger (a proposal's page with its comments: about 50 kB): fewer are kept.
    static let pageLimit = 400

    /// A process as read at one revision. The models are shared between requests: read them, never change them.
    struct ProcessSnapshot: @unchecked Sendable {
        let process: ParticipatoryProcess
        let phases: [ProcessPhase]
        let organizer: Organization?
        let revision: Int64
        /// The names counter when read (the organiser's name is shown).
        let names: Int64
        var id: UUID { process.id ?? UUID() }
    }

    private struct State {
        var slugs: [String: UUID] = [:]
        var processes: [UUID: ProcessSnapshot] = [:]
        var indexes: [UUID: ProposalIndex] = [:]
        var loading: [UUID: (revision: Int64, task: Task<ProposalIndex, any Error>)] = [:]
        var threads: [ThreadCache.Key: ThreadCache.Entry] = [:]
        var processOf: [UUID: UUID] = [:]
        var proposals: [String: ProposalSnapshot] = [:]
        var pages: [String: ReusablePage] = [:]
        var processViews: [String: ProcessView] = [:]
        var fragments: [String: String] = [:]
    }

    private let state = NIOLockedValueBox(State())

    // MARK: kept values

    private func read<Key: Hashable, Value>(_ table: KeyPath<State, [Key: Value]>, _ key: Key) -> Value? {
        state.withLockedValue { $0[keyPath: table][key] }
    }

    /// Keeps `value` under `key`; beyond `limit` entries the table is emptied first (the next requests fill it).
    private func keep<Key: Hashable, Value>(_ table: WritableKeyPath<State, [Key: Value]>, _ key: Key, _ value: Value,
                                            limit: Int = ParticipationCache.limit) {
        state.withLockedValue { state in
            if state[keyPath: table].count >= limit { state[keyPath: table] = [:] }
            state[keyPath: table][key] = value
        }
    }

    // MARK: processes

    /// The process named by `key` (an id or a slug), current as of this request; nil when there is none.
    func process(_ key: String, on db: any Database) async throws -> ProcessSnapshot? {
        let isID = UUID(uuidString: key) != nil
        // An id, or a slug remembered from an earlier request if its process still has it.
        if let id = UUID(uuidString: key) ?? state.withLockedValue({ $0.slugs[key] }),
           let snapshot = try await process(id: id, on: db), isID || snapshot.process.slug == key {
            return snapshot
        }
        // Otherwise (a slug not seen yet, one that moved, a deleted process, an id-shaped slug) the database says
        // which process has it now.
        state.withLockedValue { $0.slugs[key] = nil }
        guard let sql = db as? any SQLDatabase,
              let id = try await sql.select().column("id").from(ParticipatoryProcess.schema)
                  .where("slug", .equal, SQLBind(key)).first(decodingColumn: "id", as: UUID.self),
              let snapshot = try await process(id: id, on: db)
        else { return nil }
        state.withLockedValue { state in
            if state.slugs.count >= Self.limit { state.slugs = [:] }
            state.slugs[key] = id
        }
        return snapshot
    }

    func process(id: UUID, on db: any Database) async throws -> ProcessSnapshot? {
        let read = try await ParticipationRevisions.read([id], on: db)
        let revision = read.revisions[0]
        if let known = state.withLockedValue({ $0.processes[id] }), known.revision == revision, known.names == read.names {
            return known
        }
        guard let process = try await ParticipatoryProcess.find(id, on: db) else { return nil }
        let snapshot = ProcessSnapshot(process: process, phases: try await ProcessService.phases(of: process, on: db),
                                       organizer: try await Organization.find(process.organizerID, on: db),
                                       revision: revision, names: read.names)
        state.withLockedValue { state in
            if state.processes.count >= Self.limit { state.processes = [:] }
            if (state.processes[id]?.revision ?? -1) <= revision, (state.processes[id]?.names ?? -1) <= read.names {
                state.processes[id] = snapshot
            }
        }
        return snapshot
    }

    // MARK: proposals

    /// The process a proposal belongs to (it never moves), from memory or by its primary key.
    func processOf(proposal id: UUID, on db: any Database) async throws -> UUID? {
        if let known = state.withLockedValue({ $0.processOf[id] }) { return known }
        guard let sql = db as? any SQLDatabase, let process = try await sql.select().column("process_id")
            .from(Proposal.schema).where("id", .equal, SQLBind(id)).first(decodingColumn: "process_id", as: UUID.self)
        else { return nil }
        state.withLockedValue { state in
            if state.processOf.count >= Self.limit * 10 { state.processOf = [:] }
            state.processOf[id] = process
        }
        return process
    }

    func proposal(_ key: String) -> ProposalSnapshot? {
        state.withLockedValue { $0.proposals[key] }
    }

    func storeProposal(_ key: String, _ snapshot: ProposalSnapshot) {
        state.withLockedValue { state in
            if state.proposals.count >= Self.limit { state.proposals = [:] }
            if (state.proposals[key]?.process.revision ?? -1) <= snapshot.process.revision { state.proposals[key] = snapshot }
        }
    }

    /// A whole page kept for readers in the same state (``ProposalPageCache``).
    func page(_ key: String) -> ReusablePage? { read(\.pages, key) }

    func storePage(_ key: String, _ page: ReusablePage) { keep(\.pages, key, page, limit: Self.pageLimit) }

    func processView(_ key: String) -> ProcessView? { read(\.processViews, key) }

    func storeProcessView(_ key: String, _ view: ProcessView) { keep(\.processViews, key, view) }

    // MARK: the proposal list index

    /// The list index of a process at `revision` (the snapshot's): from memory, or brought up to date by reading
    /// the proposals changed since the one held; concurrent callers share one read.
    func index(_ processID: UUID, revision: Int64, on db: any Database) async throws -> ProposalIndex {
        let (held, task): (ProposalIndex?, Task<ProposalIndex, any Error>?) = state.withLockedValue { state in
            let held = state.indexes[processID]
            if let held, held.revision >= revision { return (held, nil) }
            if let loading = state.loading[processID], loading.revision >= revision { return (nil, loading.task) }
            let task = Task { try await ProposalIndexLoader.load(processID, revision: revision, from: held, on: db) }
            state.loading[processID] = (revision, task)
            return (nil, task)
        }
        guard let task else { return held! }
        do {
            let index = try await task.value
            state.withLockedValue { state in
                if state.indexes.count >= 64, state.indexes[processID] == nil { state.indexes = [:] }
                if (state.indexes[processID]?.revision ?? -1) < index.revision { state.indexes[processID] = index }
                if state.loading[processID]?.revision == revision { state.loading[processID] = nil }
            }
            return index
        } catch {
            state.withLockedValue { if $0.loading[processID]?.revision == revision { $0.loading[processID] = nil } }
            throw error
        }
    }

    // MARK: comment threads and rendered fragments

    func thread(_ key: ThreadCache.Key) -> ThreadCache.Entry? { read(\.threads, key) }

    func storeThread(_ key: ThreadCache.Key, _ entry: ThreadCache.Entry) { keep(\.threads, key, entry) }

    /// A rendered piece of page, keyed by everything it shows (so it never needs to be dropped when data
    /// changes: changed data makes another key).
    func fragment(_ key: String) -> String? { read(\.fragments, key) }

    func storeFragment(_ key: String, _ html: String) { keep(\.fragments, key, html, limit: Self.limit * 10) }

    /// A JSON answer kept under `key` (everything it holds): written once, then served as kept.
    func json(_ key: String, _ value: some Encodable) throws -> Response {
        let json: String
        if let known = fragment(key) {
            json = known
        } else {
            json = String(decoding: try JSONKeys.encoder().encode(value), as: UTF8.self)
            storeFragment(key, json)
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: json))
    }
}

extension Application {
    private struct ParticipationCacheKey: StorageKey { typealias Value = ParticipationCache }

    /// The Participation room's in-memory caches (one per server process).
    var participationCache: ParticipationCache {
        if let cache = storage[ParticipationCacheKey.self] { return cache }
        let cache = ParticipationCache()
        storage[ParticipationCacheKey.self] = cache
        return cache
    }
}
