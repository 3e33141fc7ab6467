extension ArabicText {
    /// The search terms of `text` in order: normalised, split into words, each reduced with ``stem(_:)``.
    ///
    /// Words shorter than 2 letters are dropped (elision leftovers such as the "l" of "l'économie", a
    /// detached و), and so is "qu" (from "qu'il"). Repeated words stay repeated; see ``searchTerms(_:)``.
    ///
    /// ```swift
    /// ArabicText.tokens("الاقتصاد التضامني") == ArabicText.tokens("اقتصاد تضامني")  // ["اقتصاد", "تضامن"]
    /// ArabicText.tokens("L'Économie solidaire")                                    // ["economie", "solidaire"]
    /// ```
    public static func tokens(_ text: String) -> [String] {
        SearchTerm.terms(of: text).map(\.stem)
    }

    /// ``tokens(_:)`` without repeats, first occurrence first: what to store or send as a query.
    public static func searchTerms(_ text: String) -> [String] {
        deduplicated(tokens(text))
    }

    /// Light stem of a word: normalised with ``normalize(_:)``, then Arabic light stemming (clitic prefixes
    /// and common suffixes, after Larkey's light10, https://ciir.cs.umass.edu/pubfiles/ir-249.pdf) or Latin
    /// plural folding, depending on the script; other words are returned normalised.
    ///
    /// - Arabic prefixes: "ال" and "لل" when at least 2 letters remain; "بال", "كال", "فال", "وال", "ولل"
    ///   (and "وبال"…) when at least 3 remain; a leading conjunction و when the final stem keeps at least 3
    ///   letters, so a root و stays ("وطني" → "وطن").
    /// - Arabic suffixes, each tried once in this order while 2 letters remain: "ها", "ان", "ات", "ون", "ين",
    ///   "يه" (ية), "ه" (ة), "ي". Thus "جمعيات" and "جمعية" both give "جمع", "التضامنية" and "تضامني" "تضامن".
    /// - Latin: a final "s" or "x" is dropped from words longer than 4 letters, except after another "s".
    ///
    /// Text with several words is stemmed word by word and rejoined with single spaces.
    public static func stem(_ word: String) -> String {
        normalize(word).split(separator: " ").map { word in
            SearchTerm(normalizedWord: word)?.stem ?? String(word)
        }.joined(separator: " ")
    }

    /// The forms of `text` that ``matches(query:in:)`` compares query terms against, without repeats:
    /// each word as normalised, again without its clitic prefixes when it had some, and its stem.
    ///
    /// Every stem is a prefix of its word's unprefixed form, so prefix matching against these forms finds
    /// stem-equal words, words still being typed ("الجمعيا" → "الجمعيات"), and other suffixes of the same
    /// stem. Store them (for example space-separated in a column) to run the same match in SQL with `LIKE`.
    public static func indexTerms(_ text: String) -> [String] {
        deduplicated(SearchTerm.terms(of: text).flatMap { [$0.surface, $0.unsuffixed, $0.stem] })
    }

    private static func deduplicated(_ terms: [String]) -> [String] {
        var seen = Set<String>()
        return terms.filter { seen.insert($0).inserted }
    }
}
