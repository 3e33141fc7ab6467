/// The order of project ids used for "the smaller project id".
///
/// Two ids that are both plain decimal numbers compare as numbers (`9` before `10`, as Warsaw's
/// numeric ids are meant); otherwise they compare by Unicode code points, as Python compares
/// strings. The Pabulib README does not say which; this keeps numeric ids natural and other ids
/// identical to pabutools.
public enum ProjectIDOrder {
    /// Whether `lhs` is the smaller project id.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        if let left = UInt64(lhs), let right = UInt64(rhs), left != right { return left < right }
        return codePointsPrecede(lhs, rhs)
    }

    static func codePointsPrecede(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }
}
