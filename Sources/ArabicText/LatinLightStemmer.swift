/// Light folding of French and English words, after ``ArabicText/normalize(_:)`` has lowercased them and
/// removed accents.
///
/// Only the plural is folded: a final "s" or "x" is dropped when the word has more than 4 letters, so
/// "associations" meets "association" and "réseaux" meets "réseau", while short words such as "prix", "pays"
/// or "bus" are left alone. A final "ss" is kept ("process", "adresse" vs "adresses" still agree).
/// French elision needs no rule here: normalisation turns the apostrophe of "l'économie" into a space, and
/// the one-letter leftovers (l, d, j, m, n, s, t, c) fall below the 2-letter token minimum; the
/// two-letter "qu" of "qu'il" is dropped explicitly by ``ArabicText/tokens(_:)``.
enum LatinLightStemmer {
    /// Whether the folding applies: plain ASCII letters and digits with at least one letter.
    static func isLatin(_ word: some Collection<Unicode.Scalar>) -> Bool {
        var hasLetter = false
        for scalar in word {
            switch scalar {
            case "a"..."z": hasLetter = true
            case "0"..."9": continue
            default: return false
            }
        }
        return hasLetter
    }

    static func stem(_ word: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        guard word.count > 4, let last = word.last else { return word[...] }
        if last == "x" || (last == "s" && word[word.count - 2] != "s") {
            return word.dropLast()
        }
        return word[...]
    }
}
