/// An error raised by a rule or by ``PBCommandLine`` outside of file parsing.
public enum VotingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule name is not one of `greedy`, `mes`, `mes-add1`, `mes-add1-greedy`.
    case unknownRule(String)
    /// The utility name is not `cost` or `cardinality`.
    case unknownUtility(String)
    /// The output format is not `text` or `json`.
    case unknownFormat(String)
    /// The file could not be read from disk.
    case unreadableFile(path: String)
    /// Exact arithmetic would have overflowed 128 bits.
    case arithmeticOverflow

    public var description: String {
        switch self {
        case .unknownRule(let name):
            "unknown rule '\(name)': expected greedy, mes, mes-add1 or mes-add1-greedy"
        case .unknownUtility(let name): "unknown utility '\(name)': expected cost or cardinality"
        case .unknownFormat(let name): "unknown format '\(name)': expected text or json"
        case .unreadableFile(let path): "cannot read file '\(path)'"
        case .arithmeticOverflow: "amounts too large for exact 128-bit arithmetic"
        }
    }
}
