import ArabicText
import Foundation

/// Conversions and sums on stored numbers that never trap: a bad value shows as a dash, not a dead process.
public enum SafeNumber {
    /// A number as plain text: whole numbers without a decimal point; a non-finite value as "—".
    public static func plainText(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded(), let whole = Int64(exactly: value) { return String(whole) }
        return String(value)
    }

    /// `ratio` as a whole percentage, limited to `0...cap`; nil for a missing or non-finite ratio.
    public static func percent(_ ratio: Double?, cap: Int = 100) -> Int? {
        guard let ratio, ratio.isFinite else { return nil }
        let percent = (ratio * 100).rounded()
        guard percent > 0 else { return 0 }
        return percent >= Double(cap) ? cap : Int(percent)
    }

    /// The whole number nearest to `value`, or nil when it is not finite or does not fit.
    public static func integer(_ value: Double) -> Int? {
        guard value.isFinite else { return nil }
        return Int(exactly: value.rounded())
    }

    /// The sum, or nil when it would overflow.
    public static func sum<S: Sequence>(_ values: S) -> S.Element? where S.Element: FixedWidthInteger {
        var total: S.Element = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = next
        }
        return total
    }
}
