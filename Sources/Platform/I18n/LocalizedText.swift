/// A translated text as a template shows it: the words, their language and direction, and whether it is a fallback.
public struct LocalizedText: Encodable, Sendable {
    public let text: String
    public let lang: String
    public let dir: String
    public let isFallback: Bool

    public init(_ translated: Translated, in language: SiteLanguage) {
        let resolved = translated.resolve(in: language)
        text = resolved.text
        lang = resolved.language.rawValue
        dir = resolved.language.direction
        isFallback = resolved.isFallback
    }
}
