/// One `key;value` line of the `META` section.
public struct MetaEntry: Sendable, Hashable, Codable {
    /// The key, e.g. `budget`.
    public var key: String
    /// The value as written in the file.
    public var value: String

    /// Creates an entry.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
