/// Why a Pabulib file could not be read: the 1-based line and what was expected there.
///
/// The description is plain English meant for operators and logs (a command-line wrapper prints
/// it and exits non-zero); the web app should show ``code`` through its own catalog.
public struct PabulibError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable machine-readable reason, e.g. `missing_meta_key`.
    public var code: String
    /// The 1-based line where the problem was found (the last line for a missing section).
    public var line: Int
    /// What the reader expected at that line.
    public var expected: String

    /// Creates an error.
    public init(code: String, line: Int, expected: String) {
        self.code = code
        self.line = line
        self.expected = expected
    }

    public var description: String {
        "line \(line): expected \(expected) [\(code)]"
    }
}

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
