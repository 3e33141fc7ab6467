/// Reporting periods as each language writes them (``ReportingPeriod``): `جويلية 2026`, `juillet 2026`,
/// `July 2026`; `الثلاثي 3 من 2026`, `T3 2026`, `Q3 2026`; a year as itself. Never the ISO form (`2026-Q3`,
/// `2026-07`), which reads backwards in Arabic.
public enum PeriodText {
    public static func words(_ period: ReportingPeriod, in language: SiteLanguage, catalog: Catalog) -> String {
        switch period.length {
        case .year: return String(period.year)
        case .quarter: return catalog.text("format.quarter", in: language, arguments: [String(period.index), String(period.year)])
        case .month:
            return catalog.text("format.month", in: language,
                                arguments: [DateText.monthName(period.index, in: language, catalog: catalog), String(period.year)])
        }
    }

    /// `text` in words when it is a period (`2026-Q3`, `2026-07`, `2026`), otherwise unchanged.
    public static func words(_ text: String, in language: SiteLanguage, catalog: Catalog) -> String {
        ReportingPeriod(text).map { words($0, in: language, catalog: catalog) } ?? text
    }
}
