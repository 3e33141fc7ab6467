import Platform

/// A survey's results as CSV (``CSVText``: every cell made safe for spreadsheets, a written answer starting with
/// `=` included): one line per option or value in all (`dimension` `total`), then per wilaya and per sex (a withheld
/// count is empty, `suppressed` says so), a line with each scale's mean, and one per written answer.
public enum SurveyResultsCSV {
    public static let columns = ["question", "position", "kind", "option", "dimension", "group", "count", "suppressed",
                                 "text"]
    /// Every written answer goes into the file (a page far larger than any survey's).
    public static let allTexts = PageQuery(number: 1, size: 1_000_000)

    public static func csv(_ results: SurveyResults) -> String {
        var lines = [CSVText.line(columns)]
        for question in results.questions {
            let head = [question.prompt, "\(question.position)", question.kind]
            for option in question.options ?? [] {
                lines.append(CSVText.line(head + [option.label, "total", "", "\(option.count)", "false", ""]))
            }
            for breakdown in question.breakdowns ?? [] {
                for row in breakdown.rows {
                    let label = question.options?.first { $0.index == row.index && $0.value == row.value }?.label ?? ""
                    for cell in row.cells {
                        lines.append(CSVText.line(head + [label, breakdown.dimension, cell.group,
                                                          cell.count.map(String.init) ?? "", "\(cell.suppressed)", ""]))
                    }
                }
            }
            if let mean = question.mean {
                lines.append(CSVText.line(head + ["", "mean", "", SafeNumber.plainText(mean), "false", ""]))
            }
            for answer in question.texts?.items ?? [] {
                lines.append(CSVText.line(head + ["", "text", "", "", "false", answer.text]))
            }
        }
        return lines.joined()
    }
}
