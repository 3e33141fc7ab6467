import Foundation

extension PabulibReader {
    /// A line-by-line state machine over the three sections.
    struct SectionParser {
        enum Section { case start, meta, projects, votes }

        let lineCount: Int
        var section = Section.start
        var header: [String]?
        var headerLine = 0
        var meta = MetaSection()
        var projects = ProjectsSection()
        var votes = VotesSection()

        init(lineCount: Int) {
            self.lineCount = lineCount
        }

        mutating func consume(_ rawLine: Substring, number: Int) throws {
            let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return }
            if let next = try sectionStart(trimmed, number: number) {
                if next == .projects {
                    guard header != nil else {
                        throw PabulibError(code: "bad_header", line: number, expected: "the META header 'key;value'")
                    }
                    _ = try meta.validated()
                }
                section = next
                header = nil
                return
            }
            guard let header else {
                try readHeader(rawLine, number: number)
                return
            }
            let row = try PabulibReader.fields(of: rawLine, number: number)
            switch section {
            case .start: break
            case .meta: try meta.add(row, line: number)
            case .projects: try projects.add(row, header: header, line: number)
            case .votes: try votes.add(row, header: header, line: number, meta: meta, projects: projects)
            }
        }

        private func sectionStart(_ trimmed: String, number: Int) throws -> Section? {
            let expected: (name: String, section: Section)? = switch section {
            case .start: ("META", .meta)
            case .meta: ("PROJECTS", .projects)
            case .projects: ("VOTES", .votes)
            case .votes: nil
            }
            guard let expected else { return nil }
            if trimmed.uppercased() == expected.name { return expected.section }
            if section == .start {
                throw PabulibError(code: "missing_section", line: number, expected: "the META section header")
            }
            return nil
        }

        private mutating func readHeader(_ rawLine: Substring, number: Int) throws {
            let columns = try PabulibReader.fields(of: rawLine, number: number)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            headerLine = number
            switch section {
            case .start: break
            case .meta:
                guard columns.count >= 2, columns[0] == "key", columns[1] == "value" else {
                    throw PabulibError(code: "bad_header", line: number, expected: "the META header 'key;value'")
                }
            case .projects:
                try projects.setHeader(columns, line: number)
            case .votes:
                try votes.setHeader(columns, line: number, meta: meta)
            }
            header = columns
        }

        func finish() throws -> PabulibElection {
            let last = max(lineCount, 1)
            guard section == .votes, header != nil else {
                let missing = switch section {
                case .start: "the META section"
                case .meta: header == nil ? "the META header 'key;value'" : "the PROJECTS section"
                case .projects: header == nil ? "the PROJECTS header" : "the VOTES section"
                case .votes: "the VOTES header"
                }
                throw PabulibError(code: "missing_section", line: last, expected: missing)
            }
            let settings = try meta.validated()
            if projects.list.count != settings.numProjects.value {
                throw PabulibError(
                    code: "count_mismatch", line: settings.numProjects.line,
                    expected: "num_projects equal to the \(projects.list.count) projects listed")
            }
            if votes.list.count != settings.numVotes.value {
                throw PabulibError(
                    code: "count_mismatch", line: settings.numVotes.line,
                    expected: "num_votes equal to the \(votes.list.count) votes listed")
            }
            return PabulibElection(
                meta: meta.entries, budget: settings.budget, voteType: settings.voteType,
                projectColumns: projects.extraColumns, projects: projects.list,
                voteColumns: votes.extraColumns, ballots: votes.list)
        }
    }
}
