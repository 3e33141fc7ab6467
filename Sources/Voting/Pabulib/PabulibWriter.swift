import Foundation

/// Writes a ``PabulibElection`` as a Pabulib file that ``PabulibReader`` reads back unchanged.
public enum PabulibWriter {
    /// The file text: LF line ends, no BOM, `num_projects`, `num_votes`, `budget` and `vote_type`
    /// rewritten from the election so that the counts always match.
    public static func text(of election: PabulibElection) -> String {
        var lines: [String] = ["META", "key;value"]
        let derived: [String: String] = [
            "num_projects": String(election.projects.count),
            "num_votes": String(election.ballots.count),
            "budget": String(election.budget),
            "vote_type": election.voteType.rawValue,
        ]
        var written: Set<String> = []
        for entry in election.meta {
            lines.append(row([entry.key, derived[entry.key] ?? entry.value]))
            written.insert(entry.key)
        }
        for key in ["num_projects", "num_votes", "budget", "vote_type"] where !written.contains(key) {
            lines.append(row([key, derived[key] ?? ""]))
        }
        lines.append("PROJECTS")
        lines.append(row(["project_id", "cost"] + election.projectColumns))
        for project in election.projects {
            let extras = election.projectColumns.map { project.attributes[$0] ?? "" }
            lines.append(row([project.id, String(project.cost)] + extras))
        }
        lines.append("VOTES")
        let pointsHeader = election.voteType.hasPoints ? ["points"] : []
        lines.append(row(["voter_id", "vote"] + pointsHeader + election.voteColumns))
        for ballot in election.ballots {
            let points = election.voteType.hasPoints
                ? [(ballot.points ?? []).map(String.init).joined(separator: ",")] : []
            let extras = election.voteColumns.map { ballot.attributes[$0] ?? "" }
            lines.append(row([ballot.voterID, ballot.projectIDs.joined(separator: ",")] + points + extras))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ fields: [String]) -> String {
        fields.map(quotedIfNeeded).joined(separator: ";")
    }

    /// Quotes a field that the reader would otherwise split, unquote or trim.
    static func quotedIfNeeded(_ field: String) -> String {
        let needsQuotes = field.contains(";") || field.hasPrefix("\"") || field.contains(where: \.isNewline)
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
