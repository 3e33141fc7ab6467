import Foundation

/// The one way the platform writes CSV (RFC 4180, CRLF line ends), every cell made safe for spreadsheets.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by Excel,
/// LibreOffice and Google Sheets (OWASP "CSV Injection"): an organisation named `=HYPERLINK(…)` would
/// become a live link in a public export. Such a cell is prefixed with `'`, which spreadsheets show as
/// text; a plain number (`-3`, `+2.5`) is left as it is, since it cannot run anything.
public enum CSVText {
    /// One line: the cells neutralised, quoted where needed, joined with commas, ended with CRLF.
    public static func line(_ cells: [String]) -> String {
        cells.map { quoted(neutralised($0)) }.joined(separator: ",") + "\r\n"
    }

    /// The cell as a spreadsheet must receive it: formulas turned into text.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(cell) else {
            return cell
        }
        return "'" + cell
    }

    /// The text a neutralised cell stood for (an import reads back what an export wrote).
    public static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.unicodeScalars.dropFirst().first,
              formulaStarts.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return cell
        }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func isPlainNumber(_ cell: String) -> Bool {
        var scalars = Substring(cell).unicodeScalars[...]
        if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
        guard !scalars.isEmpty else { return false }
        var seenDigit = false, seenPoint = false
        for scalar in scalars {
            switch scalar {
            case "0"..."9": seenDigit = true
            case "." where !seenPoint && seenDigit: seenPoint = true
            default: return false
            }
        }
        return seenDigit && scalars.last != "."
    }
}
