import Foundation

extension PabulibReader {
    /// The `PROJECTS` section: a header naming `project_id` and `cost`, then one row per project.
    struct ProjectsSection {
        var idColumn = 0
        var costColumn = 0
        var extraColumns: [String] = []
        var list: [PBProject] = []
        var indexByID: [String: Int] = [:]

        mutating func setHeader(_ columns: [String], line: Int) throws {
            guard let id = columns.firstIndex(of: "project_id"), let cost = columns.firstIndex(of: "cost") else {
                throw PabulibError(
                    code: "bad_header", line: line, expected: "a PROJECTS header with 'project_id' and 'cost'")
            }
            try PabulibReader.checkUnique(columns, line: line)
            idColumn = id
            costColumn = cost
            extraColumns = columns.enumerated().filter { $0.offset != id && $0.offset != cost }.map(\.element)
        }

        mutating func add(_ row: [String], header: [String], line: Int) throws {
            guard row.count == header.count else {
                throw PabulibError(
                    code: "field_count", line: line, expected: "\(header.count) fields as in the PROJECTS header")
            }
            let id = row[idColumn].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty, !id.contains(",") else {
                throw PabulibError(code: "bad_project_id", line: line, expected: "a non-empty project_id without ','")
            }
            guard indexByID[id] == nil else {
                throw PabulibError(code: "duplicate_project", line: line, expected: "a project_id not used before")
            }
            let cost = try PabulibReader.amount(row[costColumn], line: line, what: "cost")
            var attributes: [String: String] = [:]
            for (offset, name) in header.enumerated() where offset != idColumn && offset != costColumn {
                attributes[name] = row[offset]
            }
            indexByID[id] = list.count
            list.append(PBProject(id: id, cost: cost, attributes: attributes))
        }
    }

    static func checkUnique(_ columns: [String], line: Int) throws {
        guard Set(columns).count == columns.count else {
            throw PabulibError(code: "bad_header", line: line, expected: "column names that are all different")
        }
    }
}
