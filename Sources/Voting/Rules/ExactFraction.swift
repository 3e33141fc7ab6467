/// An exact non-negative fraction, used for per-voter budgets such as 1070000/2553.
public struct ExactFraction: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The numerator.
    public let numerator: Int64
    /// The denominator, positive.
    public let denominator: Int64

    /// Creates `numerator / denominator`, reduced.
    public init(_ numerator: Int64, _ denominator: Int64 = 1) {
        precondition(denominator > 0, "positive denominator")
        let divisor = Self.gcd(numerator, denominator)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// Whether the fraction is a whole number.
    public var isIntegral: Bool { denominator == 1 }

    /// The value rounded towards zero to `places` decimals, as text (`419.114767`), or the whole
    /// number when integral (`662`): what the JSON output prints.
    public func decimalString(places: Int = 6) -> String {
        let whole = numerator / denominator
        guard !isIntegral else { return String(whole) }
        var remainder = numerator % denominator
        var digits = ""
        for _ in 0..<places {
            remainder *= 10
            digits.append(String(remainder / denominator))
            remainder %= denominator
        }
        return "\(whole).\(digits)"
    }

    /// An approximation, for display only.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public var description: String { isIntegral ? String(numerator) : "\(numerator)/\(denominator)" }

    static func gcd(_ lhs: Int64, _ rhs: Int64) -> Int64 {
        var (a, b) = (abs(lhs), abs(rhs))
        while b != 0 { (a, b) = (b, a % b) }
        return max(a, 1)
    }
}
