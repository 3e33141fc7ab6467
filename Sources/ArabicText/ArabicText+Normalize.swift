import Foundation

extension ArabicText {
    /// Folds `text` to the form used for search matching, for stored text and queries alike.
    ///
    /// - Arabic: drops tashkeel (U+064B–U+065F), the superscript alef (U+0670), Quranic annotation marks
    ///   (U+06D6–U+06ED) and tatweel (U+0640); unifies أ إ آ ٱ → ا; puts hamza carriers on their plain letter
    ///   (ؤ → و, ئ → ي), since writers disagree on the seat far more often than such pairs differ in meaning;
    ///   keeps a standalone ء, because it is a letter of its own ("شيء", "إنشاء") and dropping it would empty
    ///   or merge words; maps ى → ي, ة → ه, Persian/Urdu ی → ي and ک → ك.
    /// - Digits of every script (Arabic-Indic ٠–٩, Eastern ۰–۹, …) become ASCII 0–9.
    /// - Latin: lowercased, accents removed (é → e, ç → c, …), œ → oe, æ → ae, ß → ss.
    /// - Compatibility forms (presentation-form ligatures such as ﻻ, full-width letters, no-break spaces)
    ///   are unfolded first; invisible format characters (bidi marks, ZWNJ, soft hyphen) are removed.
    /// - Every other character that is not a letter or a number (punctuation such as ، ؛ ؟, quotes,
    ///   hyphens, symbols, whitespace) becomes a single space; the result is trimmed.
    ///
    /// The result is a fixed point: `normalize(normalize(x)) == normalize(x)`.
    ///
    /// - Parameter text: Any text, in any mix of scripts.
    /// - Returns: Space-separated words made only of letters and digits.
    public static func normalize(_ text: String) -> String {
        // NFKC first unfolds ligatures and width variants; NFD after lowercasing splits accents and hamza
        // seats into combining marks that the scalar fold then drops. Ending in NFD keeps the result stable
        // when it is normalised again (composition would otherwise merge what the fold left adjacent).
        let prepared = text.precomposedStringWithCompatibilityMapping.lowercased().decomposedStringWithCanonicalMapping
        var output = String.UnicodeScalarView()
        var spacePending = false
        for scalar in prepared.unicodeScalars {
            let folded = ScalarFold(scalar)
            switch folded {
            case .drop:
                continue
            case .separator:
                spacePending = !output.isEmpty
            case .one, .two:
                if spacePending {
                    output.append(" ")
                    spacePending = false
                }
                folded.append(to: &output)
            }
        }
        return String(output)
    }
}
