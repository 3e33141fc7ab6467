/// Arabic light stemming in the spirit of Larkey, Ballesteros and Connell's light10:
/// strip a few clitic prefixes and common suffixes, without a dictionary or root extraction.
///
/// See "Light Stemming for Arabic Information Retrieval" (Larkey et al., 2007),
/// https://ciir.cs.umass.edu/pubfiles/ir-249.pdf. Input is a single word already passed through
/// ``ArabicText/normalize(_:)``, so ة is ه, ى is ي and أ إ آ are ا: light10's "ية"/"ة" suffixes are "يه"/"ه" here.
///
/// Departures from light10, each chosen so that a word with and without its clitics gets the same stem:
/// - Preposition + article ("بال", "كال", "فال", "وال", "ولل", "وبال"…) is stripped only when 3 letters
///   remain, because with just 2 left the letters are more often the word itself ("والده", "بالغة");
///   the bare "ال" and "لل" keep light10's 2-letter threshold so that "اليد" still meets "يد".
/// - The conjunction و is stripped only when the stem left after suffix stripping keeps at least 3 letters,
///   otherwise the و is taken to be a root letter ("وطني" → "وطن", while "وتعزيز" → "تعزيز"). The same test
///   runs after an article, where و can only be a root letter, so that "الوطنية" and "وطنية" agree.
/// - Suffixes are tried once each, in light10's order, and removed while 2 letters remain.
enum ArabicLightStemmer {
    /// The stem, and how many leading letters were stripped as clitics (so `word.dropFirst(prefixLength)`
    /// starts with the stem: suffix stripping only ever shortens the end).
    struct Split: Equatable {
        var prefixLength: Int
        var stem: ArraySlice<Unicode.Scalar>
    }

    private static let waw: Unicode.Scalar = "\u{0648}"
    private static let article = scalars("ال")
    private static let lamArticle = scalars("لل")
    private static let prepositionArticles = ["بال", "كال", "فال"].map(scalars)
    private static let suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"].map(scalars)

    /// Whether light stemming applies: the word is written entirely in Arabic-script letters.
    static func isArabic(_ word: some Collection<Unicode.Scalar>) -> Bool {
        // Base letters of the Arabic block and its supplement; digits and punctuation are gone by now.
        !word.isEmpty && word.allSatisfy { letter in
            (0x0621...0x06FF).contains(letter.value) || (0x0750...0x077F).contains(letter.value)
        }
    }

    static func split(_ word: [Unicode.Scalar]) -> Split {
        let prefixLength = articleLength(word)
        let core = word[prefixLength...]
        if core.first == waw, core.count - 1 >= 3 {
            let withoutConjunction = stripSuffixes(core.dropFirst())
            if withoutConjunction.count >= 3 {
                return Split(prefixLength: prefixLength + 1, stem: withoutConjunction)
            }
        }
        return Split(prefixLength: prefixLength, stem: stripSuffixes(core))
    }

    /// Length of the article with its clitics at the start of `word`, or 0.
    private static func articleLength(_ word: [Unicode.Scalar]) -> Int {
        for plain in [article, lamArticle] where word.starts(with: plain) && word.count - plain.count >= 2 {
            return plain.count
        }
        // ب, ك, ف before "ال", optionally after و ("وبالتالي"); "وال" and "ولل" are و before a plain article.
        let afterConjunction = word.first == waw ? 1 : 0
        let rest = word.dropFirst(afterConjunction)
        let candidates = afterConjunction == 1 ? [article, lamArticle] + prepositionArticles : prepositionArticles
        for prefix in candidates where rest.starts(with: prefix) && rest.count - prefix.count >= 3 {
            return afterConjunction + prefix.count
        }
        return 0
    }

    private static func stripSuffixes(_ word: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var stem = word
        // One pass in light10's order: "جمعيات" loses "ات" and then "ي", like "جمعية" loses "يه".
        for suffix in suffixes where stem.count - suffix.count >= 2 {
            if stem.suffix(suffix.count).elementsEqual(suffix) {
                stem = stem.dropLast(suffix.count)
            }
        }
        return stem
    }

    private static func scalars(_ text: String) -> [Unicode.Scalar] {
        Array(text.unicodeScalars)
    }
}
