import Foundation

/// A set of index slots, one bit each: filters and search terms intersect as whole machine words.
struct SlotSet: Sendable {
    private(set) var words: [UInt64] = []

    init() {}

    init(capacity: Int) { words = Array(repeating: 0, count: (capacity + 63) / 64) }

    mutating func insert(_ slot: Int32) {
        let word = Int(slot) >> 6
        if word >= words.count { words += Array(repeating: 0, count: word - words.count + 1) }
        words[word] |= 1 << UInt64(slot & 63)
    }

    mutating func remove(_ slot: Int32) {
        let word = Int(slot) >> 6
        guard word < words.count else { return }
        words[word] &= ~(1 << UInt64(slot & 63))
    }

    func contains(_ slot: Int32) -> Bool {
        let word = Int(slot) >> 6
        return word < words.count && words[word] & (1 << UInt64(slot & 63)) != 0
    }

    /// Adds many slots at once (a posting list), without a uniqueness check per slot.
    mutating func insert(contentsOf slots: [Int32]) {
        guard let highest = slots.max() else { return }
        let needed = Int(highest) >> 6 + 1
        if needed > words.count { words += Array(repeating: 0, count: needed - words.count) }
        words.withUnsafeMutableBufferPointer { words in
            for slot in slots { words[Int(slot) >> 6] |= 1 << UInt64(slot & 63) }
        }
    }

    mutating func formIntersection(_ other: SlotSet) {
        for index in words.indices { words[index] &= index < other.words.count ? other.words[index] : 0 }
    }

    mutating func formUnion(_ other: SlotSet) {
        if other.words.count > words.count { words += Array(repeating: 0, count: other.words.count - words.count) }
        for index in other.words.indices { words[index] |= other.words[index] }
    }

    mutating func subtract(_ other: SlotSet) {
        for index in words.indices where index < other.words.count { words[index] &= ~other.words[index] }
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// How many slots the set holds.
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
