/// Amounts as each language writes them, one way everywhere: `1,234,567.50 DZD` in English, `1 234 567,50 DA`
/// in French, `1 234 567,50 دج` in Arabic (Latin digits, as in Algerian administration). Integer arithmetic
/// only: no amount goes through a `Double`.
public enum MoneyText {
    public static func format(_ minor: Int64, currency: String, in language: SiteLanguage, catalog: Catalog) -> String {
        let english = language == .en
        let units = String(minor / 100), cents = (minor % 100).magnitude
        var grouped = ""
        for (offset, digit) in units.reversed().enumerated() {
            if offset > 0, offset % 3 == 0, digit != "-" { grouped = (english ? "," : "\u{202F}") + grouped }
            grouped = String(digit) + grouped
        }
        let symbol = catalog.text("currency." + currency, in: language)
        guard cents != 0 else { return "\(grouped) \(symbol)" }
        return "\(grouped)\(english ? "." : ",")\(cents < 10 ? "0" : "")\(cents) \(symbol)"
    }
}
