extension ArabicText {
    /// Shortest word, in letters once normalised and without its clitics, that search forgives a spelling
    /// slip: shorter words have too many neighbours one edit away ("ماء" and "ماذ", "كتاب" and "كتان").
    public static let minimumSpellingLength = SpellingRule.minimumLength

    /// Whether `word` is exactly one edit from `form`, both normalised words (``normalize(_:)``), under the
    /// rule by which every search forgives spelling:
    ///
    /// - `form` has at least ``minimumSpellingLength`` letters and nothing else (numbers and codes are
    ///   never guessed at);
    /// - one letter is inserted, deleted or substituted, or two adjacent letters are swapped (Damerau's edits):
    ///   a loanword with or without its long vowel ("ديموقراطية"/"ديمقراطية", "تكنولوجيا"/"تكنلوجيا"),
    ///   a dropped or doubled letter ("associaton", "developpement"/"developement"), a slip of the finger;
    /// - an inserted or substituted letter belongs to the form's script (the Arabic letters normalisation
    ///   leaves, with ڤ ڨ پ چ ژ گ; Latin a–z) or is already in the form.
    ///
    /// Hamza seats, alef forms, ta marbuta, case and accents are folded by normalisation before, so they cost
    /// no edit: "الإقتصاد" is not one edit from "الاقتصاد" but equal to it.
    public static func isOneEditAway(_ word: String, from form: String) -> Bool {
        SpellingRule.isOneEditAway(Array(word.unicodeScalars), from: Array(form.unicodeScalars))
    }

    /// Every string exactly one edit from `form` under ``isOneEditAway(_:from:)`` (empty when the form is
    /// too short or not all letters): where the vocabulary is a database table, the words to ask it for.
    /// Some 2 × length × 35 strings for an Arabic word; an in-memory vocabulary is better served by a
    /// ``SpellingIndex``.
    public static func spellingVariants(of form: String) -> Set<String> {
        SpellingRule.variants(of: Array(form.unicodeScalars))
    }

    /// The words of a query as every search runs them, first occurrence first: ``searchTerms(_:)`` with, for
    /// each, the forms that forgive a spelling slip (``QueryWord``).
    public static func queryWords(_ query: String) -> [QueryWord] {
        var words: [QueryWord] = []
        var positions: [String: Int] = [:]
        for term in SearchTerm.terms(of: query) {
            let forms = [term.surface, term.unsuffixed, term.stem]
                .filter { SpellingRule.forgives(Array($0.unicodeScalars)) }
            if let position = positions[term.stem] {
                words[position].addSpellingForms(forms)
            } else {
                positions[term.stem] = words.count
                words.append(QueryWord(term: term.stem, spellingForms: []))
                words[words.count - 1].addSpellingForms(forms)
            }
        }
        return words
    }
}
