extension ArabicText {
    /// Shortest query term matched as a prefix; shorter terms must equal a term of the text, since two
    /// Arabic letters begin too many unrelated words ("بي", the stem of "البيئة", begins "بين").
    public static let minimumPrefixLength = 3

    /// Whether `text` answers `query`: every term of ``searchTerms(_:)`` of the query, in any order, is one
    /// of the ``indexTerms(_:)`` of the text or, when it has at least ``minimumPrefixLength`` letters,
    /// a prefix of one.
    ///
    /// Prefix rather than whole-word matching, so a word half-typed on a phone already finds results, and
    /// a query stem ("جمع" from "جمعية") finds other forms of it ("الجمعيات", "جمعوية"). A query with no
    /// searchable term (empty, punctuation, a single letter) matches nothing, so a stray keystroke does not
    /// list everything: callers show their unfiltered list themselves.
    ///
    /// ```swift
    /// ArabicText.matches(query: "مجتمع مدني", in: "المرصد الوطني للمجتمع المدني")  // true
    /// ArabicText.matches(query: "رياضة", in: "المرصد الوطني للمجتمع المدني")      // false
    /// ```
    public static func matches(query: String, in text: String) -> Bool {
        let queryTerms = searchTerms(query).map { Array($0.unicodeScalars) }
        guard !queryTerms.isEmpty else { return false }
        let forms = indexTerms(text).map { Array($0.unicodeScalars) }
        return queryTerms.allSatisfy { term in
            term.count >= minimumPrefixLength ? forms.contains { $0.starts(with: term) } : forms.contains(term)
        }
    }
}
