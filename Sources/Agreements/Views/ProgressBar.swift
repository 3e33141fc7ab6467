import Platform

/// A progress bar drawn as inline SVG by the template (no script, no inline style: CSP-safe). Widths are
/// percentages of the bar; in right-to-left pages the bar grows from the right.
public struct ProgressBar: Encodable, Sendable {
    let percent: Int
    let fillX: Int
    let expectedX: Int
    let status: String
    let label: String

    init(ratio: Double?, expected: Double, status: ProgressStatus, language: SiteLanguage, label: String) {
        let percent = SafeNumber.percent(ratio) ?? 0
        let expectedPercent = SafeNumber.percent(expected) ?? 0
        let rtl = language == .ar
        self.percent = percent
        self.fillX = rtl ? 100 - percent : 0
        self.expectedX = rtl ? 100 - expectedPercent : expectedPercent
        self.status = status.rawValue
        self.label = label
    }
}
