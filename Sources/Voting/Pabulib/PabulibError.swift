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
