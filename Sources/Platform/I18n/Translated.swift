/// A text in the three site languages, stored as `{"ar": …, "fr": …, "en": …}`.
///
/// A missing translation falls back to the author's language (the first one given, Arabic first)
/// and is marked as such so pages can say so.
public struct Translated: Codable, Sendable, Equatable, Hashable {
    public var ar: String?
    public var fr: String?
    public var en: String?

    public init(ar: String? = nil, fr: String? = nil, en: String? = nil) {
        self.ar = ar
        self.fr = fr
        self.en = en
    }

    public func value(in language: SiteLanguage) -> String? {
        let raw: String? = switch language {
        case .ar: ar
        case .fr: fr
        case .en: en
        }
        return raw.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The text in `language`, or the first available one with `isFallback` set.
    public func resolve(in language: SiteLanguage) -> (text: String, language: SiteLanguage, isFallback: Bool) {
        if let text = value(in: language) { return (text, language, false) }
        for other in SiteLanguage.allCases {
            if let text = value(in: other) { return (text, other, true) }
        }
        return ("", language, true)
    }
}
