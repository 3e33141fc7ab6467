/// The words of a vocabulary one edit away from a query form, under search's spelling rule
/// (``ArabicText/isOneEditAway(_:from:)``), found without scanning the vocabulary.
///
/// A deletion neighbourhood, as SymSpell's (Wolf Garbe, https://github.com/wolfgarbe/SymSpell) at distance 1:
/// each word is filed under itself and under each of its one-letter deletions. Two words one edit apart always
/// share a key: a deleted or inserted letter makes one word a deletion of the other, a substituted letter or
/// two swapped ones leave them a common deletion. A lookup therefore reads the keys of the form and of its
/// deletions (length + 1 binary searches) and checks the few words found against the rule.
///
/// Keys are 38-bit hashes (a collision only adds a candidate that the check drops). Only words that some form
/// can reach are filed: letters only, at least ``ArabicText/minimumSpellingLength`` − 1 of them, and the
/// deletions only of words of at least ``ArabicText/minimumSpellingLength`` letters.
public struct SpellingIndex: Sendable {
    private var words: [String] = []
    /// One entry per (key, word) of the words given at construction, sorted: the key in the high bits, the word's
    /// position in the low ``positionBits`` (8 bytes an entry, some 20 MB for 300,000 words).
    private var entries: [UInt64] = []
    /// Keys of the words inserted since (an owner that rebuilds from time to time keeps this small).
    private var added: [UInt64: [Int32]] = [:]

    private static let positionBits: UInt64 = 26
    /// Words beyond this many are not filed (positions must fit their bits).
    private static let capacity = 1 << 26

    /// How many words are filed.
    public var count: Int { words.count }

    public init() {}

    /// Files every word of `vocabulary` (normalised terms; repeats, short words and numbers are skipped).
    public init(_ vocabulary: some Sequence<String>) {
        var seen = Set<String>()
        for word in vocabulary {
            let scalars = Array(word.unicodeScalars)
            guard words.count < Self.capacity, Self.files(scalars), seen.insert(word).inserted else { continue }
            let position = UInt64(words.count)
            words.append(word)
            for key in Self.keys(filing: scalars) { entries.append(key << Self.positionBits | position) }
        }
        entries.sort()
    }

    /// Files one more word, unless it is filed already or can never be one edit from a query form.
    public mutating func insert(_ word: String) {
        let scalars = Array(word.unicodeScalars)
        guard words.count < Self.capacity, Self.files(scalars),
              !candidates(under: Self.key(scalars, skipping: nil)).contains(where: { words[Int($0)] == word })
        else { return }
        let position = Int32(words.count)
        words.append(word)
        for key in Self.keys(filing: scalars) { added[key, default: []].append(position) }
    }

    /// The filed words exactly one edit from `form` (a normalised word), in filing order; none when the form
    /// is too short to forgive an edit or is not made of letters only.
    public func words(oneEditFrom form: String) -> [String] {
        let query = Array(form.unicodeScalars)
        guard SpellingRule.forgives(query) else { return [] }
        var probes = Set([Self.key(query, skipping: nil)])
        for index in query.indices { probes.insert(Self.key(query, skipping: index)) }
        var found = Set<Int32>()
        for probe in probes {
            for position in candidates(under: probe) where !found.contains(position) {
                if SpellingRule.isOneEditAway(Array(words[Int(position)].unicodeScalars), from: query) {
                    found.insert(position)
                }
            }
        }
        return found.sorted().map { words[Int($0)] }
    }

    private func candidates(under key: UInt64) -> [Int32] {
        let first = key << Self.positionBits
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle] < first { low = middle + 1 } else { high = middle }
        }
        var found: [Int32] = []
        while low < entries.count, entries[low] >> Self.positionBits == key {
            found.append(Int32(truncatingIfNeeded: entries[low] & (1 << Self.positionBits - 1)))
            low += 1
        }
        return found + (added[key] ?? [])
    }

    /// Words a query form may reach: a form has at least the minimum of letters, so a word one edit away
    /// has at least one fewer.
    private static func files(_ word: [Unicode.Scalar]) -> Bool {
        word.count >= SpellingRule.minimumLength - 1 && word.allSatisfy(SpellingRule.isLetter)
    }

    /// The word itself, and its deletions when it is long enough to be one letter longer than a query form.
    /// Deleting either of two equal adjacent letters gives the same string: one key for both.
    private static func keys(filing word: [Unicode.Scalar]) -> [UInt64] {
        var keys = [key(word, skipping: nil)]
        if word.count >= SpellingRule.minimumLength {
            for index in word.indices where index == 0 || word[index] != word[index - 1] {
                keys.append(key(word, skipping: index))
            }
        }
        return keys
    }

    /// A hash of the scalars, leaving out the one at `skipping`, in the 64 − ``positionBits`` bits an entry keeps:
    /// FNV-1a over the scalar values, then MurmurHash3's final mix.
    private static func key(_ word: [Unicode.Scalar], skipping: Int?) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in word.indices where index != skipping {
            hash = (hash ^ UInt64(word[index].value)) &* 0x0000_0100_0000_01B3
        }
        hash = (hash ^ (hash >> 33)) &* 0xff51_afd7_ed55_8ccd
        hash = (hash ^ (hash >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return (hash ^ (hash >> 33)) >> positionBits
    }
}
