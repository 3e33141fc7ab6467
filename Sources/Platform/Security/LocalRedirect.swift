import Foundation

/// The only addresses followed after sign-in: a path of this site under a language prefix.
///
/// Browsers drop tabs and new lines from a `Location` and read `\` as `/`, so `/\t/evil.example` or
/// `/\evil.example` would leave the site (`//evil.example`). Anything that is not plainly one of our
/// paths is refused rather than repaired.
public enum LocalRedirect {
    public static let maximumLength = 512

    /// `raw` when it is a path of this site (`/ar/…`, `/fr/…`, `/en/…`), otherwise nil.
    public static func path(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty, raw.utf8.count <= maximumLength else { return nil }
        let refused = raw.unicodeScalars.contains { scalar in
            scalar.value < 0x21 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
                || scalar == "\\"
        }
        guard !refused, !raw.contains("//") else { return nil }
        let languages = SiteLanguage.allCases.map(\.rawValue)
        let parts = raw.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        // "/ar" splits into ["", "ar"]; "/ar/x?y" into ["", "ar/x?y"].
        guard parts.count == 2, parts[0].isEmpty else { return nil }
        let rest = parts[1]
        let prefix = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard languages.contains(String(prefix)) else { return nil }
        return raw
    }
}
