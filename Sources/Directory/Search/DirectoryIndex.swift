import ArabicText
import Foundation

/// The directory's in-memory search index: which organisations match a filter and search, in list order,
/// and how many, without a database round trip per condition.
///
/// Each organisation has a slot; kinds, wilayas, domains and search terms map to slot sets, intersected
/// word by word. A query word also finds the terms one spelling edit away (``SpellingIndex``, filed with every
/// term); organisations found only that way come after those every word matches exactly. An updated
/// organisation gets a new slot (the old one is marked dead), so updates never rewrite the posting lists;
/// the store rebuilds the index when dead slots pile up.
struct DirectoryIndex: Sendable {
    private(set) var entries: [IndexedOrganization] = []
    private(set) var slotByID: [UUID: Int32] = [:]
    private(set) var live = SlotSet()
    /// Live slots in list order: sort name, then slug, compared byte-wise (as the database's list query).
    private(set) var order: [Int32] = []
    private var kinds: [String: SlotSet] = [:]
    private var wilayas: [String: SlotSet] = [:]
    private var domains: [String: SlotSet] = [:]
    private var postings: [String: [Int32]] = [:]
    /// Every indexed term, sorted byte-wise, so a prefix is a contiguous range.
    private var sortedTerms: [String] = []
    /// Every indexed term filed by its one-deletion variants, for the terms one edit from a query word.
    private var spelling = SpellingIndex()
    /// The last change of the `organization_changes` feed this index includes.
    var lastChange: Int64 = 0

    var count: Int { order.count }
    var deadSlots: Int { entries.count - order.count }

    init() {}

    /// Builds the index from every organisation at once (one sort instead of one insertion each); `postings`
    /// lists, per term, positions in `organizations` (their terms are then not read).
    init(_ organizations: [IndexedOrganization], postings: [String: [Int32]]? = nil, lastChange: Int64) {
        self.lastChange = lastChange
        entries.reserveCapacity(organizations.count)
        for organization in organizations { place(organization) }
        if let postings {
            if self.postings.isEmpty { self.postings = postings }
            else { for (term, slots) in postings { self.postings[term, default: []] += slots } }
        }
        order = Array(0..<Int32(entries.count))
        order.sort { Self.precedes(entries[Int($0)], entries[Int($1)]) }
        sortedTerms = self.postings.keys.sorted(by: Self.bytewise)
        spelling = SpellingIndex(sortedTerms)
    }

    /// Adds an organisation, replacing what the index had for it.
    mutating func upsert(_ organization: IndexedOrganization) {
        remove(organization.id)
        let newTerms = organization.terms.filter { postings[$0] == nil }
        let slot = place(organization)
        let position = insertionPoint(for: organization)
        order.insert(slot, at: position)
        for term in Set(newTerms) {
            sortedTerms.insert(term, at: lowerBound(term))
            spelling.insert(term)
        }
    }

    /// Drops an organisation from the results.
    mutating func remove(_ id: UUID) {
        guard let slot = slotByID.removeValue(forKey: id) else { return }
        live.remove(slot)
        let entry = entries[Int(slot)]
        var position = insertionPoint(for: entry)
        while position < order.count, order[position] != slot { position += 1 }
        if position < order.count { order.remove(at: position) }
    }

    @discardableResult
    private mutating func place(_ organization: IndexedOrganization) -> Int32 {
        let slot = Int32(entries.count)
        var entry = organization
        entry.terms = []
        entry.domains = []
        entries.append(entry)
        slotByID[organization.id] = slot
        live.insert(slot)
        kinds[organization.kind, default: SlotSet()].insert(slot)
        if let wilaya = organization.wilayaCode { wilayas[wilaya, default: SlotSet()].insert(slot) }
        for domain in organization.domains { domains[domain, default: SlotSet()].insert(slot) }
        for term in Set(organization.terms) { postings[term, default: []].append(slot) }
        return slot
    }

    /// One page of the organisations matching `filter` and every query word, and how many match in all: first
    /// those every word matches exactly (its stem, or a term starting with it), then those some word matches
    /// only through a term one spelling edit away (``QueryWord``); each group in list order.
    func page(_ filter: OrganizationFilter, words: [QueryWord], offset: Int, size: Int) -> (ids: [UUID], total: Int) {
        var filtered: SlotSet?
        func restrict(_ set: SlotSet?) {
            let set = set ?? SlotSet()
            if filtered == nil { filtered = set } else { filtered!.formIntersection(set) }
        }
        if let kind = filter.kind { restrict(kinds[kind.rawValue]) }
        if let wilaya = filter.wilaya { restrict(wilayas[wilaya]) }
        if let domain = filter.domain { restrict(domains[domain]) }
        var exact = filtered
        var approximate = false
        for word in words {
            let found = matching(word.term)
            var near = found
            if let spelled = spelledMatching(word) {
                near.formUnion(spelled)
                approximate = true
            }
            restrict(near)
            exact = exact.map { var set = $0; set.formIntersection(found); return set } ?? found
        }

        guard var candidates = filtered else {
            let end = min(order.count, offset + size)
            let ids = offset < end ? order[offset..<end].map { entries[Int($0)].id } : []
            return (ids, order.count)
        }
        candidates.formIntersection(live)
        var total = 0
        var slots: [Int32] = []
        if approximate, var first = exact {
            // Terms one edit away often belong to organisations matched exactly anyway ("للاقتصاد" is one edit
            // from "الاقتصاد"): a second walk only when some are not.
            first.formIntersection(live)
            candidates.subtract(first)
            walk(first, offset: offset, end: offset + size, total: &total, slots: &slots)
            if candidates.isEmpty { return (slots.map { entries[Int($0)].id }, total) }
        }
        walk(candidates, offset: offset, end: offset + size, total: &total, slots: &slots)
        return (slots.map { entries[Int($0)].id }, total)
    }

    /// Counts the slots of `set` (live slots) after the `total` counted before, keeping those at `offset..<end` in
    /// list order; stops walking once the page is full, since the set's size says how many remain.
    private func walk(_ set: SlotSet, offset: Int, end: Int, total: inout Int, slots: inout [Int32]) {
        let before = total
        total += set.count
        guard before < end, offset < total else { return }
        var count = before
        set.words.withUnsafeBufferPointer { words in
            order.withUnsafeBufferPointer { order in
                for slot in order {
                    let word = Int(slot) >> 6
                    guard word < words.count, words[word] & (1 << UInt64(slot & 63)) != 0 else { continue }
                    if count >= offset { slots.append(slot) }
                    count += 1
                    if count >= end { break }
                }
            }
        }
    }

    /// Slots of organisations having a term one spelling edit from a form of the word, or nil when no
    /// indexed term is.
    private func spelledMatching(_ word: QueryWord) -> SlotSet? {
        let terms = word.words(oneEditFrom: spelling)
        guard !terms.isEmpty else { return nil }
        var set = SlotSet(capacity: entries.count)
        for term in terms { set.insert(contentsOf: postings[term] ?? []) }
        return set
    }

    /// Slots of organisations having the term, or (for a term of at least
    /// ``ArabicText/minimumPrefixLength`` letters) a term starting with it.
    private func matching(_ term: String) -> SlotSet {
        var set = SlotSet(capacity: entries.count)
        guard OrganizationSearchIndex.matchesAsPrefix(term) else {
            set.insert(contentsOf: postings[term] ?? [])
            return set
        }
        var index = lowerBound(term)
        while index < sortedTerms.count, sortedTerms[index].utf8.starts(with: term.utf8) {
            set.insert(contentsOf: postings[sortedTerms[index]] ?? [])
            index += 1
        }
        return set
    }

    private func lowerBound(_ term: String) -> Int {
        var low = 0, high = sortedTerms.count
        while low < high {
            let middle = (low + high) / 2
            if Self.bytewise(sortedTerms[middle], term) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func insertionPoint(for organization: IndexedOrganization) -> Int {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(entries[Int(order[middle])], organization) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func bytewise(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    static func precedes(_ left: IndexedOrganization, _ right: IndexedOrganization) -> Bool {
        if left.sortName != right.sortName { return bytewise(left.sortName, right.sortName) }
        return bytewise(left.slug, right.slug)
    }
}
