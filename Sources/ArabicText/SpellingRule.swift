/// The one rule by which search forgives spelling, on words already passed through ``ArabicText/normalize(_:)``
/// (so hamza seats, alef forms, ta marbuta, alef maqsura, case and accents are already folded).
///
/// A query form of at least ``minimumLength`` letters (letters only: a number or a code is never guessed at)
/// forgives exactly one edit: a letter inserted, deleted or substituted, or two adjacent letters swapped
/// (Damerau's four edits). An inserted or substituted letter is a letter of the form's script (the Arabic
/// letters that survive normalisation, with the Maghrebi ڤ ڨ and the Persian پ چ ژ گ; Latin a–z) or one
/// the form already has, so that the rule can also be applied by listing every variant (``variants(of:)``)
/// where the vocabulary is a database table and cannot be scanned.
///
/// Everything that applies the rule goes through here: ``isOneEditAway(_:from:)`` decides a pair,
/// ``variants(of:)`` lists the strings one edit away, ``SpellingIndex`` finds the vocabulary words one edit
/// away; tests check the three agree.
enum SpellingRule {
    /// Shortest form that forgives an edit: shorter words have too many neighbours ("ماء", "ماذ", "باء"…).
    static let minimumLength = 5

    /// Letters of Arabic words after normalisation: ء, ا, ب … غ, ف … ي without the folded ة and ى, and the
    /// letters Algerian and Persian spellings of loanwords add (ڤ for v, ڨ and گ for g, پ, چ, ژ).
    static let arabicLetters: [Unicode.Scalar] = {
        var values: [UInt32] = [0x0621, 0x0627, 0x0628]
        values += Array(0x062A...0x063A)
        values += Array(0x0641...0x0648)
        values += [0x064A, 0x06A4, 0x06A8, 0x067E, 0x0686, 0x0698, 0x06AF]
        return values.compactMap(Unicode.Scalar.init)
    }()

    static let latinLetters: [Unicode.Scalar] = Array(0x61...0x7A).compactMap(Unicode.Scalar.init(_:))

    /// Whether a normalised form forgives an edit: at least ``minimumLength`` scalars, every one a letter.
    static func forgives(_ form: some Collection<Unicode.Scalar>) -> Bool {
        form.count >= minimumLength && form.allSatisfy(isLetter)
    }

    /// The letters an edit of `form` may insert or substitute, in a fixed order (the form's own letters
    /// after its scripts' alphabets).
    static func alphabet(of form: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var letters: [Unicode.Scalar] = []
        if form.contains(where: isArabic) { letters += arabicLetters }
        if form.contains(where: isLatin) { letters += latinLetters }
        var seen = Set(letters)
        for letter in form where seen.insert(letter).inserted { letters.append(letter) }
        return letters
    }

    /// Whether `word` is exactly one edit from `form` under the rule (never when they are equal).
    static func isOneEditAway(_ word: [Unicode.Scalar], from form: [Unicode.Scalar]) -> Bool {
        guard forgives(form) else { return false }
        let n = form.count, m = word.count
        guard abs(n - m) <= 1 else { return false }
        // The first difference; everything after the edit must line up again.
        var p = 0
        while p < min(n, m), form[p] == word[p] { p += 1 }
        if n == m {
            guard p < n else { return false }  // equal
            if form[(p + 1)...].elementsEqual(word[(p + 1)...]) {
                return allowed(word[p], in: form)  // substitution
            }
            return p + 1 < n && form[p] == word[p + 1] && form[p + 1] == word[p]
                && form[(p + 2)...].elementsEqual(word[(p + 2)...])  // adjacent transposition
        }
        if m == n + 1 {
            return form[p...].elementsEqual(word[(p + 1)...]) && allowed(word[p], in: form)  // insertion
        }
        return form[(p + 1)...].elementsEqual(word[p...])  // deletion
    }

    /// Every string exactly one edit from `form` under the rule, without repeats and without `form` itself;
    /// empty when the form does not forgive. About 2 × length × alphabet strings (some 600 for an Arabic
    /// word of 9 letters).
    static func variants(of form: [Unicode.Scalar]) -> Set<String> {
        guard forgives(form) else { return [] }
        let letters = alphabet(of: form)
        var found = Set<String>()
        found.reserveCapacity(2 * (form.count + 1) * letters.count)
        var buffer = form
        for i in form.indices {
            buffer.remove(at: i)
            found.insert(string(buffer))  // deletion
            buffer.insert(form[i], at: i)
            for letter in letters where letter != form[i] {
                buffer[i] = letter
                found.insert(string(buffer))  // substitution
            }
            buffer[i] = form[i]
            if i + 1 < form.count, form[i] != form[i + 1] {
                buffer.swapAt(i, i + 1)
                found.insert(string(buffer))  // transposition
                buffer.swapAt(i, i + 1)
            }
        }
        for i in 0...form.count {
            buffer.insert(" ", at: i)
            for letter in letters {
                buffer[i] = letter
                found.insert(string(buffer))  // insertion
            }
            buffer.remove(at: i)
        }
        found.remove(string(form))
        return found
    }

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func allowed(_ letter: Unicode.Scalar, in form: [Unicode.Scalar]) -> Bool {
        (arabicSet.contains(letter) && form.contains(where: isArabic))
            || (isLatin(letter) && form.contains(where: isLatin))
            || form.contains(letter)
    }

    private static let arabicSet = Set(arabicLetters)

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && scalar.properties.numericType == nil
    }

    private static func isArabic(_ scalar: Unicode.Scalar) -> Bool {
        (0x0600...0x06FF).contains(scalar.value) || (0x0750...0x077F).contains(scalar.value)
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar)
    }
}
