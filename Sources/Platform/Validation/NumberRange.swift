import ArabicText
import Foundation

/// The documented range of every kind of number people enter (see docs/security.md, "Field ranges").
///
/// Every numeric input is checked against one of these at the edge, so that nothing stored can overflow a
/// sum or a conversion later: a measurement of `1e300` once stopped the server on every view of its page.
public enum NumberRange {
    /// Amounts of money in minor units (centimes): up to 1,000,000,000,000 DA.
    public static let moneyMinor: ClosedRange<Int64> = 0...100_000_000_000_000
    /// All of one company's pledges together, in minor units (so that their sum always fits).
    public static let pledgesPerCompanyMinor: Int64 = 1_000_000_000_000_000
    /// A measured indicator value, in the indicator's unit (associations, jobs, %, days…).
    public static let measurement: ClosedRange<Double> = 0...1_000_000_000_000
    /// People a report says its project reached (beneficiaries).
    public static let people: ClosedRange<Int> = 0...10_000_000
}
