import Foundation

extension PabulibReader {
    /// The `VOTES` section: a header naming `voter_id` and `vote` (and `points` when the vote type
    /// needs it), then one ballot per row.
    struct VotesSection {
        var voterColumn = 0
        var voteColumn = 0
        var pointsColumn: Int?
        var extraColumns: [String] = []
        var list: [PBBallot] = []
        var voterIDs: Set<String> = []

        mutating func setHeader(_ columns: [String], line: Int, meta: MetaSection) throws {
            let needsPoints = (meta.voteType ?? .approval).hasPoints
            guard let voter = columns.firstIndex(of: "voter_id"), let vote = columns.firstIndex(of: "vote") else {
                throw PabulibError(code: "bad_header", line: line,
                    expected: "a VOTES header with 'voter_id' and 'vote'")
            }
            let points = columns.firstIndex(of: "points")
            if needsPoints && points == nil {
                throw PabulibError(code: "bad_header", line: line, expected: "a 'points' column for this vote_type")
            }
            try PabulibReader.checkUnique(columns, line: line)
            voterColumn = voter
            voteColumn = vote
            pointsColumn = needsPoints ? points : nil
            let known = Set([voter, vote] + (pointsColumn.map { [$0] } ?? []))
            extraColumns = columns.enumerated().filter { !known.contains($0.offset) }.map(\.element)
        }

        mutating func add(
            _ row: [String], header: [String], line: Int, meta: MetaSection, projects: ProjectsSection
        ) throws {
            guard row.count == header.count else {
                throw PabulibError(
                    code: "field_count", line: line, expected: "\(header.count) fields as in the VOTES header")
            }
            let voterID = row[voterColumn].trimmingCharacters(in: .whitespaces)
            guard !voterID.isEmpty, voterIDs.insert(voterID).inserted else {
                throw PabulibError(code: "bad_voter_id", line: line,
                    expected: "a voter_id not empty and not used before")
            }
            let ids = try projectIDs(row[voteColumn], line: line, projects: projects)
            if meta.voteType == .choose1 && ids.count > 1 {
                throw PabulibError(code: "bad_vote", line: line, expected: "at most one project for choose-1")
            }
            var points: [Int64]?
            if let pointsColumn {
                let parts = row[pointsColumn].split(separator: ",", omittingEmptySubsequences: false)
                let values = try parts.filter { !$0.isEmpty || parts.count > 1 }
                    .map { try PabulibReader.amount(String($0), line: line, what: "points") }
                guard values.count == ids.count else {
                    throw PabulibError(code: "bad_points", line: line,
                        expected: "one point value per project voted for")
                }
                points = values
            }
            var attributes: [String: String] = [:]
            for (offset, name) in header.enumerated()
            where offset != voterColumn && offset != voteColumn && offset != pointsColumn {
                attributes[name] = row[offset]
            }
            list.append(PBBallot(voterID: voterID, projectIDs: ids, points: points, attributes: attributes))
        }

        private func projectIDs(_ field: String, line: Int, projects: ProjectsSection) throws -> [String] {
            let trimmed = field.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return [] }
            var seen: Set<String> = []
            return try trimmed.split(separator: ",", omittingEmptySubsequences: false).map { part in
                let id = part.trimmingCharacters(in: .whitespaces)
                guard projects.indexByID[id] != nil else {
                    throw PabulibError(code: "unknown_project", line: line,
                        expected: "a project_id from PROJECTS, got '\(id)'")
                }
                guard seen.insert(id).inserted else {
                    throw PabulibError(code: "duplicate_vote", line: line,
                        expected: "each project at most once per vote")
                }
                return id
            }
        }
    }
}
