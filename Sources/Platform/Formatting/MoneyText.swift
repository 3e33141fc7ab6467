/// Amounts as each language writes them, one way everywhere: `1,234,567.50 DZD` in English, `1 234 567,50 DA`
/// in French, `1 234 567,50 دج` in Arabic (Latin digits, as in Algerian administration). Integer arithmetic
/// only: no amount goes through a `Double`.
public enum MoneyText {
    public static func format(_ minor: Int64, currency: String, in language: SiteLanguage, catalog: Catalog) -> String {
        let english = language == .en
        let cents = (minor % 100).magnitude
        let grouped = (minor < 0 && minor / 100 == 0 ? "-" : "") + NumberText.integer(minor / 100, in: language)
        let symbol = catalog.text("currency." + currency, in: language)
        guard cents != 0 else { return "\(grouped)\u{00A0}\(symbol)" }
        return "\(grouped)\(english ? "." : ",")\(cents < 10 ? "0" : "")\(cents)\u{00A0}\(symbol)"
    }
}
