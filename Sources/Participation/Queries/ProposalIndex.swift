import ArabicText
import Foundation
import Synchronization

/// One proposal as the list index keeps it: what the list filters, sorts and shows. A class: a list walks
/// thousands of them per request, and a reference is copied with one count instead of one per field.
final class IndexedProposal: Sendable {
    let id: UUID
    let title: String
    let state: ProposalState
    let wilaya: String?
    let domain: String?
    let endorsements: Int
    let comments: Int
    let publishedAt: Date?
    let answered: Bool
    let pending: Bool
    /// `search_terms` as bytes (space-padded terms), matched as SQL's `LIKE '% term%'` does.
    let terms: [UInt8]

    init(id: UUID, title: String, state: ProposalState, wilaya: String?, domain: String?, endorsements: Int, comments: Int,
         publishedAt: Date?, answered: Bool, pending: Bool, terms: [UInt8]) {
        self.id = id
        self.title = title
        self.state = state
        self.wilaya = wilaya
        self.domain = domain
        self.endorsements = endorsements
        self.comments = comments
        self.publishedAt = publishedAt
        self.answered = answered
        self.pending = pending
        self.terms = terms
    }

    /// What anyone may see in a list: published or later, not waiting for a moderator.
    var listed: Bool { state != .draft && !pending }

    func row(processID: UUID, countsShown: Bool, endorsedByViewer: Bool) -> ProposalRow {
        ProposalRow(id: id, processID: processID, title: title, state: state.rawValue, wilayaCode: wilaya,
                    domainCode: domain, endorsements: countsShown ? endorsements : nil, comments: comments,
                    publishedAt: publishedAt, answered: answered, endorsedByViewer: endorsedByViewer)
    }
}

/// Every proposal of one process in memory, in each order a list offers, as of one process revision
/// (``ParticipationRevisions``). A list page filters and counts here instead of scanning the table twice (count,
/// then page); ``ProposalList`` keeps the SQL answer, which tests compare with this one.
struct ProposalIndex: Sendable {
    let processID: UUID
    let revision: Int64
    let proposals: [UUID: IndexedProposal]
    private let orders: [ProposalFilter.Sort: Ordered]
    /// Wilaya and domain codes as small numbers (0: none), so a list compares numbers, not strings.
    private let wilayaNumbers: [String: UInt16]
    private let domainNumbers: [String: UInt16]

    /// The listed proposals in one order, with the columns lists filter on side by side: a list walks these plain
    /// arrays and looks at a proposal itself only when it passes them.
    private struct Ordered: Sendable {
        let proposals: [IndexedProposal]
        /// Each one's position in ``listed`` (where search matches are kept).
        let slots: [Int32]
        let states: [UInt8]
        let wilayas: [UInt16]
        let domains: [UInt16]
    }

    /// The proposals a list may show, in no order: search matches are kept per word over these positions.
    private let listed: [IndexedProposal]
    private let matches = SearchMatches()

    /// Which listed proposals each searched word matches, worked out once per word for this index (a new
    /// revision makes a new index): the next searches for it read a table instead of every proposal's terms.
    private final class SearchMatches: Sendable {
        static let words = 256
        let table = Mutex<[[UInt8]: [Bool]]>([:])
    }

    init(processID: UUID, revision: Int64, proposals: [UUID: IndexedProposal]) {
        self.processID = processID
        self.revision = revision
        self.proposals = proposals
        let listed = proposals.values.filter(\.listed)
        self.listed = listed
        var slotOf: [UUID: Int32] = [:]
        for (slot, proposal) in listed.enumerated() { slotOf[proposal.id] = Int32(slot) }
        func byDate(_ a: IndexedProposal, _ b: IndexedProposal) -> Bool {
            switch (a.publishedAt, b.publishedAt) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.id.uuidString < b.id.uuidString
            }
        }
        var wilayas: [String: UInt16] = [:], domains: [String: UInt16] = [:]
        for proposal in listed {
            if let code = proposal.wilaya, wilayas[code] == nil { wilayas[code] = UInt16(wilayas.count + 1) }
            if let code = proposal.domain, domains[code] == nil { domains[code] = UInt16(domains.count + 1) }
        }
        wilayaNumbers = wilayas
        domainNumbers = domains
        func ordered(_ proposals: [IndexedProposal]) -> Ordered {
            Ordered(proposals: proposals, slots: proposals.map { slotOf[$0.id] ?? 0 },
                    states: proposals.map { Self.stateNumber($0.state) },
                    wilayas: proposals.map { $0.wilaya.flatMap { wilayas[$0] } ?? 0 },
                    domains: proposals.map { $0.domain.flatMap { domains[$0] } ?? 0 })
        }
        orders = [
            .recent: ordered(listed.sorted(by: byDate)),
            .mostEndorsed: ordered(listed.sorted {
                $0.endorsements != $1.endorsements ? $0.endorsements > $1.endorsements : byDate($0, $1) }),
            .mostCommented: ordered(listed.sorted { $0.comments != $1.comments ? $0.comments > $1.comments : byDate($0, $1) }),
        ]
    }

    private static func stateNumber(_ state: ProposalState) -> UInt8 {
        UInt8(ProposalState.allCases.firstIndex(of: state) ?? 0)
    }

    /// The same index with these proposals replaced (nil: deleted).
    func updating(_ changed: [UUID: IndexedProposal?], revision: Int64) -> ProposalIndex {
        var proposals = proposals
        for (id, proposal) in changed { proposals[id] = proposal }
        return ProposalIndex(processID: processID, revision: revision, proposals: proposals)
    }

    /// A page of what anyone may see (the `mine` and `endorsed` filters need the viewer's rows: SQL answers them).
    func page(_ filter: ProposalFilter, offset: Int, size: Int) -> (proposals: [IndexedProposal], total: Int) {
        let needles = ArabicText.searchTerms(filter.q).prefix(8).map { matching(Array((" " + $0).utf8)) }
        var total = 0
        var page: [IndexedProposal] = []
        guard let ordered = orders[filter.sort] else { return ([], 0) }
        // A code no proposal has matches none (UInt16.max is never given out).
        let wilaya = filter.wilaya.map { wilayaNumbers[$0] ?? .max }
        let domain = filter.domain.map { domainNumbers[$0] ?? .max }
        let state = filter.state.map(Self.stateNumber)
        let withdrawn = Self.stateNumber(.withdrawn)
        ordered.states.withUnsafeBufferPointer { states in
            ordered.wilayas.withUnsafeBufferPointer { wilayas in
                ordered.domains.withUnsafeBufferPointer { domains in
                    for index in 0..<states.count {
                        if let state { guard states[index] == state else { continue } }
                        else if states[index] == withdrawn { continue }
                        if let wilaya, wilayas[index] != wilaya { continue }
                        if let domain, domains[index] != domain { continue }
                        if !needles.isEmpty {
                            let slot = Int(ordered.slots[index])
                            if !needles.allSatisfy({ $0[slot] }) { continue }
                        }
                        if total >= offset, page.count < size { page.append(ordered.proposals[index]) }
                        total += 1
                    }
                }
            }
        }
        return (page, total)
    }

    /// For each listed proposal (by position), whether its terms hold `needle`.
    private func matching(_ needle: [UInt8]) -> [Bool] {
        if let known = matches.table.withLock({ $0[needle] }) { return known }
        let found = listed.map { Self.contains($0.terms, needle) }
        matches.table.withLock { table in
            if table.count >= SearchMatches.words { table = [:] }
            table[needle] = found
        }
        return found
    }

    /// Whether `needle` occurs in `haystack` (bytes; a few hundred at most).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        let last = haystack.count - needle.count
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                var start = 0
                while start <= last {
                    if hay[start] == first {
                        var matched = 1
                        while matched < pin.count, hay[start + matched] == pin[matched] { matched += 1 }
                        if matched == pin.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
