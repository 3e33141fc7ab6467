import ArabicText
import Foundation

/// A stretch of time figures are reported for: a year (`2026`), a quarter (`2026-Q3`) or a month (`2026-07`).
///
/// The written form is stored (and shown) as is; this type is what compares, overlaps and sorts periods by
/// time, never by text (as text `2026-10` comes before `2026-Q1`).
///
/// - Order (`<`, and `sortKey` for the database): by first month, then the longer period first, so a list
///   reads like an outline: `2025`, `2026`, `2026-Q1`, `2026-01`, `2026-02`, `2026-03`, `2026-Q2`, `2026-04`…
/// - Recency (`isMoreRecent`, `latest`): by last month, then the later start, so the latest of `2026-Q3` and
///   `2026-08` is the quarter (it runs to September), and of `2026-Q3` and `2026-09` the month.
public struct ReportingPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Length: Int, Sendable, CaseIterable {
        case month = 1, quarter = 3, year = 12
    }

    public let year: Int
    public let length: Length
    /// The month (1…12) or quarter (1…4) within the year; 1 for a year.
    public let index: Int

    public init?(year: Int, length: Length, index: Int = 1) {
        guard (1...9999).contains(year) else { return nil }
        switch length {
        case .year: guard index == 1 else { return nil }
        case .quarter: guard (1...4).contains(index) else { return nil }
        case .month: guard (1...12).contains(index) else { return nil }
        }
        self.year = year
        self.length = length
        self.index = index
    }

    /// The written form exactly: `2026`, `2026-Q3` or `2026-07` (as stored).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, first.allSatisfy(\.isASCIIDigit), let year = Int(first) else {
            return nil
        }
        switch parts.count {
        case 1: self.init(year: year, length: .year)
        case 2:
            let rest = parts[1]
            guard rest.count == 2 else { return nil }
            if rest.first == "Q", let digit = rest.last, digit.isASCIIDigit, let quarter = Int(String(digit)) {
                self.init(year: year, length: .quarter, index: quarter)
            } else if rest.allSatisfy(\.isASCIIDigit), let month = Int(rest) {
                self.init(year: year, length: .month, index: month)
            } else {
                return nil
            }
        default: return nil
        }
    }

    /// What people type, read generously: any digits (`٢٠٢٦`), any case, the year first or last, separated by
    /// `-`, `/`, `.` or spaces, `T` (trimestre) for `Q`, one-digit months, and the bidi marks a right-to-left
    /// page may slip in: `2026-q3`, `Q3 2026`, `Q3-2026`, `T3/2026`, `2026 7`, `07/2026` all read as themselves.
    public init?(lenient raw: String) {
        let bidiMarks: Set<Unicode.Scalar> = ["\u{200E}", "\u{200F}", "\u{061C}", "\u{202A}", "\u{202B}", "\u{202C}",
                                             "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: ArabicText.latinDigits(raw).unicodeScalars.filter { !bidiMarks.contains($0) })
        let text = String(scalars).uppercased()
        if let exact = ReportingPeriod(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            self = exact
            return
        }
        // Words: runs of digits and runs of `Q`/`T`, whatever separates them (`Q3` reads as `Q`, `3`).
        var words: [String] = []
        var current = ""
        for character in text {
            let kind = character.isASCIIDigit ? 1 : (character == "Q" || character == "T" ? 2 : 0)
            let currentKind = current.first.map { $0.isASCIIDigit ? 1 : 2 } ?? 0
            if kind == 0 {
                let separators: Set<Character> = ["-", "/", ".", " ", "\u{2013}", "\u{2212}", "_", "\u{00A0}", "\u{202F}"]
                guard separators.contains(character) else { return nil }
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if kind == currentKind || current.isEmpty {
                current.append(character)
            } else {
                words.append(current)
                current = String(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        let years = words.filter { $0.count == 4 && $0.allSatisfy(\.isASCIIDigit) }
        guard years.count == 1, let year = Int(years[0]) else { return nil }
        let others = words.filter { $0 != years[0] }
        switch others.count {
        case 0: self.init(year: year, length: .year)
        case 1 where others[0].allSatisfy(\.isASCIIDigit) && others[0].count <= 2:
            guard let month = Int(others[0]) else { return nil }
            self.init(year: year, length: .month, index: month)
        case 2 where (others[0] == "Q" || others[0] == "T") && others[1].count == 1 && others[1].allSatisfy(\.isASCIIDigit):
            self.init(year: year, length: .quarter, index: Int(others[1])!)
        default: return nil
        }
    }

    /// The month holding `date` (UTC).
    public static func month(of date: Date) -> ReportingPeriod {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        return ReportingPeriod(year: parts.year ?? 1970, length: .month, index: parts.month ?? 1)!
    }

    /// The written form: `2026`, `2026-Q3`, `2026-07`.
    public var text: String {
        let year = String(repeating: "0", count: max(0, 4 - String(self.year).count)) + String(self.year)
        switch length {
        case .year: return year
        case .quarter: return "\(year)-Q\(index)"
        case .month: return "\(year)-\(index < 10 ? "0" : "")\(index)"
        }
    }

    public var description: String { text }

    /// The written form between left-to-right isolates (U+2066 … U+2069), for a period inside a sentence that
    /// may be right-to-left: without them an Arabic sentence shows `2026-Q3` as `Q3-2026`. The text equivalent
    /// of `<bdi dir="ltr">`, for messages and catalog arguments.
    public var isolated: String { "\u{2066}" + text + "\u{2069}" }

    /// The first month, counted as `year * 12 + month - 1`.
    public var firstMonth: Int {
        switch length {
        case .year: year * 12
        case .quarter: year * 12 + (index - 1) * 3
        case .month: year * 12 + index - 1
        }
    }

    /// The last month, counted as `firstMonth`.
    public var lastMonth: Int { firstMonth + length.rawValue - 1 }

    /// The months covered, counted as `firstMonth`.
    public var months: ClosedRange<Int> { firstMonth...lastMonth }

    public func overlaps(_ other: ReportingPeriod) -> Bool { months.overlaps(other.months) }

    /// Whether `other` lies within this period (a period contains itself).
    public func contains(_ other: ReportingPeriod) -> Bool { firstMonth <= other.firstMonth && other.lastMonth <= lastMonth }

    /// An integer that sorts as `<` does, for a database column: the first month, then the longer period first.
    public var sortKey: Int { firstMonth * 100 + (99 - length.rawValue) }

    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool { lhs.sortKey < rhs.sortKey }

    /// Whether this period's information is more recent than `other`'s: it ends later, or ends in the same month
    /// and starts later (a month is more recent than the quarter or year that ends with it).
    public func isMoreRecent(than other: ReportingPeriod) -> Bool {
        (lastMonth, firstMonth) > (other.lastMonth, other.firstMonth)
    }

    /// The most recent of some items by their period (see `isMoreRecent`); items whose period does not parse are
    /// left out.
    public static func latest<Item>(_ items: some Sequence<Item>, period: (Item) -> String) -> Item? {
        var best: (item: Item, period: ReportingPeriod)?
        for item in items {
            guard let parsed = ReportingPeriod(period(item)) else { continue }
            if best == nil || parsed.isMoreRecent(than: best!.period) { best = (item, parsed) }
        }
        return best?.item
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
