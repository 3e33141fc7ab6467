import Foundation

/// Counts as horizontal bars in inline SVG, drawn by the template from these positions (no script, no
/// inline style: the site's CSP allows it). Lengths are percentages of the chart's width, so the bars fit any
/// screen while the text keeps its size; on a right-to-left page the bars grow from the right and the texts, which
/// inherit the page's direction, start there too. The chart repeats the table beside it for sighted readers; screen
/// readers get its `<title>` and `aria-label`, which say every count.
public struct BarChart: Encodable, Sendable {
    public struct Bar: Encodable, Sendable {
        let label: String
        let count: String
        let labelX: String
        let labelY: Int
        let barX: String
        let barY: Int
        let width: String
        let countX: String
        let countY: Int
    }

    /// Bars use at most this share of the width, leaving room for the count after the longest.
    static let longest = 80.0
    static let rowHeight = 46
    static let barHeight = 14

    let id: String
    let title: String
    let summary: String
    let height: Int
    let trackX: String
    let trackWidth: String
    let countShift: Int
    let bars: [Bar]
    /// The language of the labels when it is not the page's (a survey's options), for `lang` on each label.
    let labelLanguage: String?

    /// `lines`: each bar's label, count and the count as the page writes it.
    public init(id: String, title: String, lines: [(label: String, count: Int, text: String)], rtl: Bool, separator: String,
                labelLanguage: String? = nil) {
        self.id = id
        self.labelLanguage = labelLanguage
        self.title = title
        summary = title + ": " + lines.map { $0.label + " " + $0.text }.joined(separator: separator)
        height = max(1, lines.count) * Self.rowHeight
        let largest = max(1, lines.map(\.count).max() ?? 1)
        trackX = rtl ? Self.percent(100 - Self.longest) : "0%"
        trackWidth = Self.percent(Self.longest)
        countShift = rtl ? -6 : 6
        bars = lines.enumerated().map { index, line in
            let top = index * Self.rowHeight
            let length = Self.longest * Double(line.count) / Double(largest)
            let end = rtl ? 100 - length : length
            let label = line.label.count > 70 ? String(line.label.prefix(68)) + "…" : line.label
            return Bar(label: label, count: line.text, labelX: rtl ? "100%" : "0%", labelY: top + 15,
                       barX: rtl ? Self.percent(100 - length) : "0%", barY: top + 21, width: Self.percent(length),
                       countX: Self.percent(end), countY: top + 33)
        }
    }

    public static func percent(_ value: Double) -> String {
        String(format: "%.2f%%", min(100, max(0, value)))
    }
}
