/// How a text answers a query: lists show the exact answers first, then the approximate ones.
public enum SearchMatch: Comparable, Sendable {
    /// Every query word is a term of the text or, from ``ArabicText/minimumPrefixLength`` letters, a prefix of one.
    case exact
    /// Every query word matches, at least one only through a spelling slip (``ArabicText/isOneEditAway(_:from:)``).
    case approximate
}

extension ArabicText {
    /// Shortest query term matched as a prefix; shorter terms must equal a term of the text, since two
    /// Arabic letters begin too many unrelated words ("بي", the stem of "البيئة", begins "بين").
    public static let minimumPrefixLength = 3

    /// Whether `text` answers `query`: ``match(query:in:)`` is not nil.
    ///
    /// ```swift
    /// ArabicText.matches(query: "مجتمع مدني", in: "المرصد الوطني للمجتمع المدني")  // true
    /// ArabicText.matches(query: "رياضة", in: "المرصد الوطني للمجتمع المدني")      // false
    /// ArabicText.matches(query: "ديموقراطية", in: "الديمقراطية التشاركية")         // true, one edit away
    /// ```
    public static func matches(query: String, in text: String) -> Bool {
        match(query: query, in: text) != nil
    }

    /// How `text` answers `query`, or nil when it does not. Every word of ``queryWords(_:)`` of the query, in
    /// any order, must match one of the ``indexTerms(_:)`` of the text:
    /// - exactly: the word's stem is one of them or, when it has at least ``minimumPrefixLength`` letters,
    ///   a prefix of one;
    /// - otherwise approximately: one of them is one edit from a form of the word of at least
    ///   ``minimumSpellingLength`` letters (``isOneEditAway(_:from:)``); the text then matches
    ///   ``SearchMatch/approximate``.
    ///
    /// Prefix rather than whole-word matching, so a word half-typed on a phone already finds results, and
    /// a query stem ("جمع" from "جمعية") finds other forms of it ("الجمعيات", "جمعوية"). A query with no
    /// searchable term (empty, punctuation, a single letter) matches nothing, so a stray keystroke does not
    /// list everything: callers show their unfiltered list themselves.
    public static func match(query: String, in text: String) -> SearchMatch? {
        let words = queryWords(query)
        guard !words.isEmpty else { return nil }
        let forms = indexTerms(text)
        var result = SearchMatch.exact
        for word in words {
            if forms.contains(where: word.matchesExactly) { continue }
            guard forms.contains(where: word.matchesApproximately) else { return nil }
            result = .approximate
        }
        return result
    }
}
