import Foundation

/// Web addresses made from names: lowercase Latin letters, digits and hyphens.
public enum Slug {
    static let characters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-")

    /// An address people may choose: 3 to 80 lowercase Latin letters, digits or hyphens.
    public static func isValid(_ slug: String) -> Bool {
        (3...80).contains(slug.count) && !slug.unicodeScalars.contains { !characters.contains($0) }
    }

    /// The first of `names` that folds to at least three Latin letters or digits (accents dropped, every other
    /// run of characters a hyphen, at most 60 characters), else `fallback` and a short random suffix: a name
    /// written only in Arabic gets `fallback-1a2b3c4d`.
    public static func make(from names: [String?], fallback: String) -> String {
        for name in names.compactMap({ $0 }) {
            let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
            var slug = ""
            for scalar in folded.unicodeScalars {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    slug.unicodeScalars.append(scalar)
                } else if !slug.isEmpty, !slug.hasSuffix("-") {
                    slug += "-"
                }
            }
            slug = String(slug.prefix(60))
            while slug.hasSuffix("-") { slug.removeLast() }
            if slug.count >= 3 { return slug }
        }
        return fallback + "-" + UUID().uuidString.prefix(8).lowercased()
    }
}
