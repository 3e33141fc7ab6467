/// One word of a search query, as every search of the product runs it: matched exactly by its stem, or
/// approximately by a form one spelling edit away.
///
/// An indexed term (``ArabicText/indexTerms(_:)``) matches the word
/// - exactly when it equals ``term`` or, for a term of at least ``ArabicText/minimumPrefixLength`` letters,
///   starts with it (a word being typed, another suffix of the same stem);
/// - approximately when it is one edit (``ArabicText/isOneEditAway(_:from:)``) from one of
///   ``spellingForms``. Lists put what matches exactly first.
public struct QueryWord: Hashable, Sendable {
    /// The light stem of the word (``ArabicText/stem(_:)``), as ``ArabicText/searchTerms(_:)`` gives it.
    public let term: String
    /// The forms of the word that forgive one edit: as written, without its clitic prefixes, and its stem,
    /// each when it has at least ``ArabicText/minimumSpellingLength`` letters and nothing but letters. Empty
    /// for short words and numbers, which only ever match exactly.
    public private(set) var spellingForms: [String]

    init(term: String, spellingForms: [String]) {
        self.term = term
        self.spellingForms = spellingForms
    }

    /// Whether the term matches as a prefix (long enough), or only whole.
    public var matchesAsPrefix: Bool {
        term.unicodeScalars.count >= ArabicText.minimumPrefixLength
    }

    /// Whether an indexed term matches the word exactly: equal to ``term``, or starting with it.
    public func matchesExactly(_ indexed: String) -> Bool {
        matchesAsPrefix ? indexed.unicodeScalars.starts(with: term.unicodeScalars) : indexed == term
    }

    /// Whether an indexed term is one edit from a form of the word.
    public func matchesApproximately(_ indexed: String) -> Bool {
        let scalars = Array(indexed.unicodeScalars)
        return spellingForms.contains { SpellingRule.isOneEditAway(scalars, from: Array($0.unicodeScalars)) }
    }

    /// Every string one edit from a form of the word (``ArabicText/spellingVariants(of:)``): the terms to
    /// look for in a database table.
    public func spellingVariants() -> Set<String> {
        spellingForms.reduce(into: Set<String>()) { $0.formUnion(ArabicText.spellingVariants(of: $1)) }
    }

    /// The words of `index` one edit from a form of the word, without repeats.
    public func words(oneEditFrom index: SpellingIndex) -> [String] {
        var seen = Set<String>()
        return spellingForms.flatMap { index.words(oneEditFrom: $0) }.filter { seen.insert($0).inserted }
    }

    mutating func addSpellingForms(_ forms: [String]) {
        for form in forms where !spellingForms.contains(form) { spellingForms.append(form) }
    }
}
