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
        var text = entries[language]?[key] ?? entries[.default]?[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: argument)
        }
        return text
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
