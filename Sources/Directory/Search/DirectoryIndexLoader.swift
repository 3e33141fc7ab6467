import Fluent
import NIOConcurrencyHelpers
import Platform
import SQLKit
import Vapor

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
                .where("verification", .equal, SQLBind(OrganizationVerification.verified.rawValue)).orderBy("id").limit(chunk)
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

    /// The organisations with these ids as the index keeps them; a missing id was deleted or is not verified (the
    /// public directory lists verified organisations only).
    static func organizations(ids: Set<UUID>, on db: any Database) async throws -> [UUID: IndexedOrganization] {
        guard let sql = db as? any SQLDatabase, !ids.isEmpty else { return [:] }
        let list = SQLGroupExpression(SQLList(ids.map { SQLBind($0) }))
        let collector = Collector(postingsOnly: false)
        try await sql.select().columns("id", "sort_name", "slug", "kind", "wilaya_code").from("organizations")
            .where(SQLColumn("id"), .in, list)
            .where("verification", .equal, SQLBind(OrganizationVerification.verified.rawValue))
            .run { row in collector.addOrganization(row) }
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
