import Foundation

extension PabulibReader {
    /// The `META` section: `key;value` lines, of which four are required.
    struct MetaSection {
        struct Settings {
            var numProjects: (value: Int, line: Int)
            var numVotes: (value: Int, line: Int)
            var budget: Int64
            var voteType: VoteType
        }

        static let required = ["num_projects", "num_votes", "budget", "vote_type"]

        var entries: [MetaEntry] = []
        var lines: [String: Int] = [:]
        var lastLine = 0
        var voteType: VoteType?

        mutating func add(_ row: [String], line: Int) throws {
            let key = row[0].trimmingCharacters(in: .whitespaces)
            guard row.count >= 2, !key.isEmpty else {
                throw PabulibError(code: "bad_meta", line: line, expected: "a 'key;value' line")
            }
            guard lines[key] == nil else {
                throw PabulibError(code: "duplicate_meta_key", line: line, expected: "'\(key)' only once in META")
            }
            // Real files put unquoted ';' in free-text values; keep everything after the key.
            let value = row.dropFirst().joined(separator: ";")
            if key == "vote_type" {
                guard let type = VoteType(rawValue: value.trimmingCharacters(in: .whitespaces)) else {
                    throw PabulibError(
                        code: "bad_vote_type", line: line,
                        expected: "vote_type approval, choose-1, ordinal, cumulative or scoring")
                }
                voteType = type
            }
            if ["budget", "num_projects", "num_votes"].contains(key) {
                _ = try PabulibReader.amount(value, line: line, what: key)
            }
            entries.append(MetaEntry(key: key, value: value))
            lines[key] = line
            lastLine = line
        }

        func validated() throws -> Settings {
            for key in Self.required where lines[key] == nil {
                throw PabulibError(code: "missing_meta_key", line: max(lastLine, 1), expected: "META key '\(key)'")
            }
            func count(_ key: String) throws -> (value: Int, line: Int) {
                let line = lines[key] ?? 1
                let value = try PabulibReader.amount(value(key), line: line, what: key)
                return (Int(value), line)
            }
            let budgetLine = lines["budget"] ?? 1
            return Settings(
                numProjects: try count("num_projects"),
                numVotes: try count("num_votes"),
                budget: try PabulibReader.amount(value("budget"), line: budgetLine, what: "budget"),
                voteType: voteType ?? .approval)
        }

        func value(_ key: String) -> String {
            entries.first { $0.key == key }?.value ?? ""
        }
    }
}
