/// A minimal arbitrary-width unsigned integer for the exact MES engine: only what a common
/// denominator needs (add, subtract, multiply by a word, compare). Limbs are little-endian.
struct WideUInt: Sendable, Comparable {
    private(set) var limbs: [UInt64]

    init(_ value: UInt64) {
        limbs = value == 0 ? [] : [value]
    }

    var isZero: Bool { limbs.isEmpty }

    static func + (lhs: WideUInt, rhs: WideUInt) -> WideUInt {
        var result = lhs
        result.add(rhs)
        return result
    }

    mutating func add(_ other: WideUInt) {
        if limbs.count < other.limbs.count {
            limbs.append(contentsOf: repeatElement(0, count: other.limbs.count - limbs.count))
        }
        var carry: UInt64 = 0
        for index in limbs.indices {
            let addend = index < other.limbs.count ? other.limbs[index] : 0
            if addend == 0 && carry == 0 && index >= other.limbs.count { break }
            let (partial, overflow1) = limbs[index].addingReportingOverflow(addend)
            let (sum, overflow2) = partial.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
        if carry != 0 { limbs.append(carry) }
    }

    /// `lhs - rhs`. - Precondition: `lhs >= rhs`.
    static func - (lhs: WideUInt, rhs: WideUInt) -> WideUInt {
        precondition(lhs >= rhs, "WideUInt subtraction underflow")
        var result = lhs
        var borrow: UInt64 = 0
        for index in result.limbs.indices {
            let subtrahend = index < rhs.limbs.count ? rhs.limbs[index] : 0
            let (partial, overflow1) = result.limbs[index].subtractingReportingOverflow(subtrahend)
            let (difference, overflow2) = partial.subtractingReportingOverflow(borrow)
            result.limbs[index] = difference
            borrow = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
        result.normalize()
        return result
    }

    static func * (lhs: WideUInt, rhs: UInt64) -> WideUInt {
        guard rhs != 0, !lhs.isZero else { return WideUInt(0) }
        var result = WideUInt(0)
        result.limbs.reserveCapacity(lhs.limbs.count + 1)
        var carry: UInt64 = 0
        for limb in lhs.limbs {
            let (high, low) = limb.multipliedFullWidth(by: rhs)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            result.limbs.append(sum)
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry != 0 { result.limbs.append(carry) }
        return result
    }

    static func < (lhs: WideUInt, rhs: WideUInt) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    /// `lhs / rhs` as a Double, for display; safe for numbers far beyond Double's range.
    static func ratio(_ lhs: WideUInt, _ rhs: WideUInt) -> Double {
        guard !rhs.isZero else { return .infinity }
        let (leftMantissa, leftExponent) = lhs.scaled()
        let (rightMantissa, rightExponent) = rhs.scaled()
        return Double(sign: .plus, exponent: leftExponent - rightExponent, significand: leftMantissa / rightMantissa)
    }

    /// The value as `mantissa * 2^exponent` with the mantissa taken from the top 64 bits.
    private func scaled() -> (Double, Int) {
        guard let top = limbs.last else { return (0, 0) }
        let shift = top.leadingZeroBitCount
        var bits = top << shift
        if shift > 0 && limbs.count > 1 { bits |= limbs[limbs.count - 2] >> (64 - shift) }
        return (Double(bits), (limbs.count - 1) * 64 - shift)
    }

    private mutating func normalize() {
        while limbs.last == 0 { limbs.removeLast() }
    }
}
