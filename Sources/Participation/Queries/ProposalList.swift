import ArabicText
import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// The filters of a process's proposal list (page and API alike).
public struct ProposalFilter: Sendable {
    public enum Sort: String, CaseIterable, Sendable {
        case recent
        case mostEndorsed = "most_endorsed"
        case mostCommented = "most_commented"
    }

    public var processID: UUID?
    public var state: ProposalState?
    public var wilaya: String?
    public var domain: String?
    public var q: String = ""
    /// Only the viewer's own proposals (drafts included).
    public var mine = false
    /// Only those the viewer endorsed.
    public var endorsed = false
    public var sort: Sort = .recent
    /// The process of `processID` as the room's cache read it for this request.
    var snapshot: ParticipationCache.ProcessSnapshot?

    public init() {}

    public static func from(_ req: Request) async throws -> ProposalFilter {
        var errors: [FieldError] = []
        var filter = ProposalFilter()
        // The query string parsed once (a repeated parameter: read one by one as before).
        let parsed = try? req.query.decode([String: String].self)
        func parameter(_ name: String) -> String? { parsed.map { $0[name] } ?? req.query[String.self, at: name] }
        if let raw = parameter("process"), !raw.isEmpty {
            if let snapshot = try await req.application.participationCache.process(raw, on: req.db) {
                filter.processID = snapshot.id
                filter.snapshot = snapshot
            } else {
                errors.append(FieldError("process", "validation.invalid_choice"))
            }
        }
        if let raw = parameter("state"), !raw.isEmpty {
            filter.state = Validate.choice(raw, field: "state", as: ProposalState.self, into: &errors)
            if filter.state == .draft { filter.state = nil; errors.append(FieldError("state", "validation.invalid_choice")) }
        }
        if let raw = parameter("wilaya"), !raw.isEmpty {
            if try await req.referenceData().wilayaCodes.contains(raw) { filter.wilaya = raw }
            else { errors.append(FieldError("wilaya", "validation.invalid_choice")) }
        }
        if let raw = parameter("domain"), !raw.isEmpty {
            if try await req.referenceData().domainCodes.contains(raw) { filter.domain = raw }
            else { errors.append(FieldError("domain", "validation.invalid_choice")) }
        }
        if let raw = parameter("sort"), !raw.isEmpty {
            filter.sort = Validate.choice(raw, field: "sort", as: Sort.self, into: &errors) ?? .recent
        }
        filter.mine = parameter("mine") == "1"
        filter.endorsed = parameter("endorsed") == "1"
        do { filter.q = try SearchText.read(req) } catch let failure as ValidationFailure { errors += failure.fieldErrors }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return filter
    }

    public var parameters: [String: String] {
        ["state": state?.rawValue ?? "", "wilaya": wilaya ?? "", "domain": domain ?? "", "q": q,
         "mine": mine ? "1" : "", "endorsed": endorsed ? "1" : "", "sort": sort.rawValue]
    }
}

/// One line of a proposal list.
public struct ProposalRow: Content, Sendable {
    public let id: UUID
    public let processID: UUID
    public let title: String
    public let state: String
    public let wilayaCode: String?
    public let domainCode: String?
    /// nil while the process hides counts.
    public let endorsements: Int?
    public let comments: Int
    public let publishedAt: Date?
    public let answered: Bool
    /// The viewer endorsed it (false for anonymous viewers).
    public let endorsedByViewer: Bool
}

public enum ProposalList {
    /// A page of proposals: what anyone sees (published, not waiting for moderation) plus the viewer's own drafts
    /// and waiting proposals when they ask for theirs. From the process's in-memory `index` when given (the
    /// viewer's own and endorsed proposals excepted), otherwise by SQL on the `proposals_list` index.
    static func page(_ filter: ProposalFilter, viewer: CurrentUser?, countsShown: @Sendable (UUID) -> Bool,
                            page: PageQuery, index: ProposalIndex? = nil, on db: any Database) async throws
        -> (rows: [ProposalRow], total: Int)
    {
        if let index, !filter.mine, !filter.endorsed, filter.processID == index.processID {
            let (found, total) = index.page(filter, offset: page.offset, size: page.size)
            let endorsed = try await EndorsementService.endorsed(by: viewer?.id, among: found.map(\.id), on: db)
            let shown = countsShown(index.processID)
            return (found.map { $0.row(processID: index.processID, countsShown: shown, endorsedByViewer: endorsed.contains($0.id)) },
                    total)
        }
        guard let sql = db as? any SQLDatabase else { return ([], 0) }
        let viewerKey = viewer.map { ParticipantKey.account($0.id) }
        func scoped(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            var query = query.from(Proposal.schema)
            if let process = filter.processID { query = query.where("process_id", .equal, SQLBind(process)) }
            if filter.mine, let viewer {
                query = query.where("author_id", .equal, SQLBind(viewer.id))
            } else {
                query = query.where("state", .notEqual, SQLBind(ProposalState.draft.rawValue))
                    .where("pending_moderation", .equal, SQLBind(false))
            }
            if let state = filter.state { query = query.where("state", .equal, SQLBind(state.rawValue)) }
            else if !filter.mine { query = query.where("state", .notEqual, SQLBind(ProposalState.withdrawn.rawValue)) }
            if let wilaya = filter.wilaya { query = query.where("wilaya_code", .equal, SQLBind(wilaya)) }
            if let domain = filter.domain { query = query.where("domain_code", .equal, SQLBind(domain)) }
            for term in ArabicText.searchTerms(filter.q).prefix(8) {
                query = query.where("search_terms", .like, SQLBind("% " + term + "%"))
            }
            if filter.endorsed {
                if let viewerKey {
                    query = query.where(SQLQueryString("""
                        EXISTS (SELECT 1 FROM proposal_endorsements e WHERE e.proposal_id = proposals.id
                                AND e.participant_key = \(bind: viewerKey))
                        """))
                } else {
                    query = query.where(SQLLiteral.boolean(false))
                }
            }
            return query
        }
        let total = try await scoped(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")).first()?
            .decode(column: "n", as: Int.self) ?? 0
        var query = scoped(sql.select().columns("id", "process_id", "title", "state", "wilaya_code", "domain_code",
                                                "endorsement_count", "comment_count", "published_at", "answer_published_at"))
        switch filter.sort {
        case .recent: query = query.orderBy("published_at", .descending)
        case .mostEndorsed: query = query.orderBy("endorsement_count", .descending).orderBy("published_at", .descending)
        case .mostCommented: query = query.orderBy("comment_count", .descending).orderBy("published_at", .descending)
        }
        let rows = try await query.orderBy("id").limit(page.size).offset(page.offset).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let endorsed = try await EndorsementService.endorsed(by: viewer?.id, among: ids, on: db)
        return (try rows.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let process = try row.decode(column: "process_id", as: UUID.self)
            return ProposalRow(
                id: id, processID: process, title: try row.decode(column: "title", as: String.self),
                state: try row.decode(column: "state", as: String.self),
                wilayaCode: try row.decode(column: "wilaya_code", as: String?.self),
                domainCode: try row.decode(column: "domain_code", as: String?.self),
                endorsements: countsShown(process) ? try row.decode(column: "endorsement_count", as: Int.self) : nil,
                comments: try row.decode(column: "comment_count", as: Int.self),
                publishedAt: try row.decode(column: "published_at", as: Date?.self),
                answered: try row.decodeNil(column: "answer_published_at") == false,
                endorsedByViewer: endorsed.contains(id))
        }, total)
    }
}
