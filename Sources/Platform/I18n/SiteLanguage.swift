import Vapor

/// The languages of the site. Arabic is the default and reads right to left.
public enum SiteLanguage: String, CaseIterable, Codable, Sendable {
    case ar, fr, en

    public static let `default`: SiteLanguage = .ar

    public var direction: String { self == .ar ? "rtl" : "ltr" }

    /// Picks the best language from an `Accept-Language` header (RFC 9110 §12.5.4), default Arabic.
    public static func negotiate(_ header: String?) -> SiteLanguage {
        guard let header, !header.isEmpty else { return .default }
        let ranked = header.split(separator: ",").enumerated().compactMap { index, part -> (SiteLanguage, Double, Int)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { return nil }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard let language = SiteLanguage(rawValue: primary) else { return nil }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            return quality > 0 ? (language, quality, index) : nil
        }
        let best = ranked.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }.first
        return best?.0 ?? .default
    }
}

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = SiteLanguage }

    /// The language of this request: the `/ar|fr|en/` prefix for pages, `Accept-Language` for the API.
    public var language: SiteLanguage {
        get {
            if let stored = storage[LanguageKey.self] { return stored }
            if let first = url.path.split(separator: "/").first, let lang = SiteLanguage(rawValue: String(first)) {
                return lang
            }
            return SiteLanguage.negotiate(headers.first(name: .acceptLanguage))
        }
        set { storage[LanguageKey.self] = newValue }
    }

    /// Translates a catalog key in this request's language. An argument that is a calendar day (`yyyy-MM-dd`) is
    /// written in words (``DateText``): no ISO date reaches a sentence.
    public func t(_ key: String, _ arguments: String...) -> String {
        application.catalog.sentence(key, in: language, arguments: arguments)
    }
}
