import Foundation

/// Dates and moments as each language writes them, one way everywhere, in Algeria's time: `30 نوفمبر 2026`,
/// `30 novembre 2026`, `30 November 2026`; with the time, `30 نوفمبر 2026، 14:05`, `30 novembre 2026 à 14:05`,
/// `30 November 2026, 14:05`. Month names come from the catalog (Algerian Arabic names: جانفي، فيفري…); no
/// ISO date ever reaches a reader.
public enum DateText {
    /// Algeria's time zone (UTC+1, no daylight saving time).
    public static let zone = TimeZone(identifier: "Africa/Algiers") ?? TimeZone(secondsFromGMT: 3600)!

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// The calendar day of `date` in Algeria.
    public static func day(_ date: Date, in language: SiteLanguage, catalog: Catalog) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return day(year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, in: language, catalog: catalog)
    }

    public static func day(year: Int, month: Int, day: Int, in language: SiteLanguage, catalog: Catalog) -> String {
        catalog.text("format.day", in: language, arguments: [String(day), monthName(month, in: language, catalog: catalog),
                                                             String(year)])
    }

    /// The day and the time (hours and minutes) of `date` in Algeria.
    public static func moment(_ date: Date, in language: SiteLanguage, catalog: Catalog) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return catalog.text("format.moment", in: language, arguments: [day(date, in: language, catalog: catalog), time])
    }

    /// `month.1` … `month.12`.
    public static func monthName(_ month: Int, in language: SiteLanguage, catalog: Catalog) -> String {
        catalog.text("month.\(min(max(month, 1), 12))", in: language)
    }

    /// A calendar day written `yyyy-MM-dd` (the form's and the database's way), as numbers.
    public static func parseDay(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }

    /// `text` in words when it is exactly a calendar day (`2026-11-30` → `30 نوفمبر 2026`), otherwise unchanged.
    public static func inWords(_ text: String, in language: SiteLanguage, catalog: Catalog) -> String {
        guard text.count == 10, text.utf8.allSatisfy({ $0 == 45 || (48...57).contains($0) }), let parts = parseDay(text)
        else { return text }
        return day(year: parts.year, month: parts.month, day: parts.day, in: language, catalog: catalog)
    }

    /// The machine-readable form for `<time datetime>`.
    public static func machine(_ date: Date, withTime: Bool) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = withTime ? [.withInternetDateTime] : [.withFullDate]
        return formatter.string(from: date)
    }
}

extension Catalog {
    /// `key` filled with `arguments` as a reader sees them: an argument that is a calendar day (`yyyy-MM-dd`) is
    /// written in words (``DateText/inWords(_:in:catalog:)``). Pages (`#t`, `req.t`) and mails use it.
    public func sentence(_ key: String, in language: SiteLanguage, arguments: [String] = []) -> String {
        text(key, in: language, arguments: arguments.map { DateText.inWords($0, in: language, catalog: self) })
    }
}
