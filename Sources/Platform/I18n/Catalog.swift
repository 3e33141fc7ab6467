import Foundation
import Vapor

/// The translation catalogs, `Resources/Locales/{ar,fr,en}.json`: flat maps of key → text.
///
/// Placeholders are `{1}`, `{2}`…, filled in order. A key missing from a catalog renders as the key
/// itself (and the catalog test fails), never as an empty string.
public struct Catalog: Sendable {
    public let entries: [SiteLanguage: [String: String]]

    public init(entries: [SiteLanguage: [String: String]]) {
        self.entries = entries
    }

    /// Loads every language's catalog from a directory; a missing or malformed file is an error.
    public static func load(from directory: String) throws -> Catalog {
        var entries: [SiteLanguage: [String: String]] = [:]
        for language in SiteLanguage.allCases {
            let path = directory + "/" + language.rawValue + ".json"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CatalogError(path: path, reason: "file not found")
            }
            do {
                entries[language] = try JSONDecoder().decode([String: String].self, from: data)
            } catch {
                throw CatalogError(path: path, reason: "\(error)")
            }
        }
        return Catalog(entries: entries)
    }

    public func text(_ key: String, in language: SiteLanguage, arguments: [String] = []) -> String {
        let text = entries[language]?[key] ?? entries[.default]?[key] ?? key
        guard !arguments.isEmpty else { return text }
        return Self.fill(text, arguments)
    }

    /// `{1}`, `{2}`… replaced by the arguments in one pass (an argument that holds `{2}` stays as written); a
    /// placeholder without an argument stays too.
    static func fill(_ text: String, _ arguments: [String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.endIndex < after.endIndex, after[digits.endIndex] == "}",
               let number = Int(digits), number >= 1, number <= arguments.count {
                result += arguments[number - 1]
                rest = after[after.index(after: digits.endIndex)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }

    public func has(_ key: String, in language: SiteLanguage) -> Bool {
        entries[language]?[key] != nil
    }
}

extension Application {
    private struct CatalogKey: StorageKey { typealias Value = Catalog }
    public var catalog: Catalog {
        get { storage[CatalogKey.self] ?? Catalog(entries: [:]) }
        set { storage[CatalogKey.self] = newValue }
    }
}
