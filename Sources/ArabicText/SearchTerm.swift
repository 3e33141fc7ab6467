/// One word of normalised text, as search sees it.
struct SearchTerm: Equatable {
    /// The normalised word as written, clitics and all.
    var surface: String
    /// The word without its clitic prefixes (article, conjunction) but with its suffixes.
    var unsuffixed: String
    /// The light stem: ``unsuffixed`` with suffixes (Arabic) or plural (Latin) removed; a prefix of it.
    var stem: String

    /// Shortest token kept: single letters are French elision leftovers, stray Arabic و, or initials.
    static let minimumLength = 2

    /// Words that only ever appear elided ("qu'il") and so carry nothing searchable once split off.
    private static let elisionLeftovers: Set<String> = ["qu"]

    /// The term for a word of already-normalised text, or `nil` when the word is too short to search by.
    init?(normalizedWord word: Substring) {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= Self.minimumLength, !Self.elisionLeftovers.contains(String(word)) else { return nil }
        self.surface = String(word)
        if ArabicLightStemmer.isArabic(scalars) {
            let split = ArabicLightStemmer.split(scalars)
            self.unsuffixed = Self.string(scalars[split.prefixLength...])
            self.stem = Self.string(split.stem)
        } else if LatinLightStemmer.isLatin(scalars) {
            self.unsuffixed = surface
            self.stem = Self.string(LatinLightStemmer.stem(scalars))
        } else {
            self.unsuffixed = surface
            self.stem = surface
        }
    }

    /// The terms of `text`, in order, normalising it first.
    static func terms(of text: String) -> [SearchTerm] {
        ArabicText.normalize(text).split(separator: " ").compactMap(SearchTerm.init(normalizedWord:))
    }

    private static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
