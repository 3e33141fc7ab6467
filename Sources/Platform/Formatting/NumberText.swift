/// Whole numbers and percentages as each language writes them, one way everywhere. Digits stay Latin in
/// every language (as in Algerian administration); thousands are grouped with a comma in English and a narrow
/// no-break space in French and Arabic; the percent sign is `%` in English, ` %` (narrow no-break space) in
/// French and the Arabic percent sign `٪` in Arabic.
public enum NumberText {
    /// `1234567` → `1,234,567` (en) or `1 234 567` (fr, ar).
    public static func integer(_ value: Int64, in language: SiteLanguage) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { grouped = (language == .en ? "," : "\u{202F}") + grouped }
            grouped = String(digit) + grouped
        }
        return (value < 0 ? "-" : "") + grouped
    }

    public static func integer(_ value: Int, in language: SiteLanguage) -> String {
        integer(Int64(value), in: language)
    }

    /// A decimal value with at most `places` decimals, trailing zeros dropped: `12.5` → `12.5` (en), `12,5` (fr, ar).
    public static func decimal(_ value: Double, places: Int = 2, in language: SiteLanguage) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<max(0, min(places, 6)) { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled.magnitude < 9e15 else { return "—" }
        let whole = Int64(scaled) / Int64(scale), fraction = (Int64(scaled) % Int64(scale)).magnitude
        var text = (scaled < 0 && whole == 0 ? "-" : "") + integer(whole, in: language)
        if fraction > 0 {
            var digits = String(fraction)
            while digits.count < places { digits = "0" + digits }
            while digits.hasSuffix("0") { digits.removeLast() }
            text += (language == .en ? "." : ",") + digits
        }
        return text
    }

    /// `50` → `50%` (en), `50 %` (fr), `50٪` (ar).
    public static func percent(_ value: Int, in language: SiteLanguage) -> String {
        switch language {
        case .en: return integer(value, in: language) + "%"
        case .fr: return integer(value, in: language) + "\u{202F}%"
        case .ar: return integer(value, in: language) + "\u{066A}"
        }
    }
}
