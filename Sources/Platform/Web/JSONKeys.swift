import Foundation
import Synchronization
import Vapor

/// The API's JSON field names: Swift's camelCase as snake_case, acronyms kept whole (`organizationID` ↔
/// `organization_id`, `evidenceURL` ↔ `evidence_url`, `projectIDs` ↔ `project_ids`). One strategy for every
/// encoder and decoder, so no type spells its keys out; dictionary keys (codes, languages) are left as they are.
public enum JSONKeys {
    static let acronyms = ["id": "ID", "ids": "IDs", "url": "URL"]

    /// Keys already converted: every JSON answer converts the same few hundred property names again and again.
    private static let snakeNames = Mutex<[String: String]>([:])
    private static let camelNames = Mutex<[String: String]>([:])

    /// `organizationID` → `organization_id`.
    public static func snake(_ name: String) -> String {
        if let known = snakeNames.withLock({ $0[name] }) { return known }
        let converted = convertToSnake(name)
        snakeNames.withLock { if $0.count < 10_000 { $0[name] = converted } }
        return converted
    }

    /// `organization_id` → `organizationID`.
    public static func camel(_ name: String) -> String {
        if let known = camelNames.withLock({ $0[name] }) { return known }
        let converted = convertToCamel(name)
        camelNames.withLock { if $0.count < 10_000 { $0[name] = converted } }
        return converted
    }

    static func convertToSnake(_ name: String) -> String {
        var words: [String] = []
        var current = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            let startsWord = character.isUppercase && !current.isEmpty
                && (!(characters[index - 1].isUppercase)
                    || (index + 1 < characters.count && characters[index + 1].isLowercase && characters[index + 1] != "s"))
            if startsWord {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }.joined(separator: "_")
    }

    static func convertToCamel(_ name: String) -> String {
        let parts = name.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first else { return name }
        return first + parts.dropFirst().map { acronyms[$0] ?? ($0.prefix(1).uppercased() + $0.dropFirst()) }.joined()
    }

    /// Any key by its name.
    public struct Key: CodingKey {
        public var stringValue: String
        public var intValue: Int? { nil }
        public init(stringValue: String) { self.stringValue = stringValue }
        public init?(intValue: Int) { nil }
    }

    /// The encoder of every JSON answer (and export): snake_case keys, ISO 8601 dates.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .custom { path in Key(stringValue: snake(path.last?.stringValue ?? "")) }
        return encoder
    }

    /// The decoder of every JSON body (and of page forms, through ``Request/form(_:)``).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.keyDecodingStrategy = .custom { path in Key(stringValue: camel(path.last?.stringValue ?? "")) }
        return decoder
    }

    /// Makes them Vapor's JSON coders.
    static func install() {
        ContentConfiguration.global.use(encoder: encoder(), for: .json)
        ContentConfiguration.global.use(decoder: decoder(), for: .json)
    }
}
