import Crypto
import Fluent
import Foundation
import Participation
import Platform

/// The open data as files: every public table as `csv/<table>.csv` and `json/<table>.json`, each closed
/// participatory-budget election's ballots as Pabulib files (`pabulib/election-<id>-<budget>.pb`), and a Frictionless
/// `datapackage.json` describing every file and field (size and SHA-256 of each CSV and Pabulib file). Written to a folder by
/// `shabaka export open-data DIR`, or as one tar archive at `/{lang}/open-data`. The same data gives the same bytes:
/// rows in a fixed order, no date of export, the archive's entries sorted with no time stamps.
public enum OpenDataPackage {
    public struct File: Sendable {
        public let path: String
        public let bytes: [UInt8]
    }

    public static let name = "shabaka-open-data"

    public static func files(on db: any Database, now: Date) async throws -> [File] {
        var files: [File] = []
        var resources: [String] = []
        for table in try await OpenDataTables.all(on: db) {
            let schema = "{\"fields\": [" + table.fields.map {
                "{\"name\": \(OpenDataTable.quoted($0.name)), \"type\": \"\($0.kind.rawValue)\""
                    + ($0.description.isEmpty ? "" : ", \"description\": \(OpenDataTable.quoted($0.description))") + "}"
            }.joined(separator: ", ") + "]}"
            for (format, text) in [("csv", table.csv), ("json", table.json)] {
                let file = File(path: "\(format)/\(table.name).\(format)", bytes: Array(text.utf8))
                files.append(file)
                resources.append(resource(file, name: "\(table.name)-\(format)", title: table.title, format: format,
                                          mediatype: format == "csv" ? "text/csv" : "application/json",
                                          schema: schema))
            }
        }
        for file in try await ballots(on: db, now: now) {
            files.append(file)
            let name = String(file.path.dropFirst("pabulib/".count).dropLast(3))
            resources.append(resource(file, name: name, title: "Participatory budget ballots (Pabulib)", format: "pb",
                                      mediatype: "text/plain", schema: nil))
        }
        let descriptor = """
            {
              "name": "\(name)",
              "title": "Shabaka: the network's public data",
              "description": "Directory, membership, projects and their reports, companies' pledges, published proposals, events and participatory-budget ballots of the Shabaka platform. Nothing personal is included.",
              "licenses": [{"name": "ODC-BY-1.0", "path": "https://opendatacommons.org/licenses/by/1-0/", "title": "Open Data Commons Attribution License 1.0"}],
              "resources": [
            \(resources.joined(separator: ",\n"))
              ]
            }

            """
        files.append(File(path: "datapackage.json", bytes: Array(descriptor.utf8)))
        return files.sorted { $0.path < $1.path }
    }

    static func resource(_ file: File, name: String, title: String, format: String, mediatype: String, schema: String?)
        -> String
    {
        let hash = SHA256.hash(data: file.bytes).map { String(format: "%02x", $0) }.joined()
        var parts = ["\"name\": \(OpenDataTable.quoted(name))", "\"path\": \(OpenDataTable.quoted(file.path))",
                     "\"title\": \(OpenDataTable.quoted(title))", "\"format\": \"\(format)\"",
                     "\"mediatype\": \"\(mediatype)\"", "\"encoding\": \"utf-8\""]
        // Size and hash where the Frictionless tools check them (they read JSON tables without counting bytes).
        if format != "json" { parts += ["\"bytes\": \(file.bytes.count)", "\"hash\": \"sha256:\(hash)\""] }
        if let schema { parts += ["\"profile\": \"tabular-data-resource\"", "\"schema\": \(schema)"] }
        return "    {" + parts.joined(separator: ", ") + "}"
    }

    /// Each closed election's ballots, one file per budget, as its results page offers them.
    static func ballots(on db: any Database, now: Date) async throws -> [File] {
        var files: [File] = []
        for election in try await BudgetElection.query(on: db).filter(\.$state == .scheduled).all()
            .sorted(by: { ($0.closesAt, $0.id?.uuidString ?? "") < ($1.closesAt, $1.id?.uuidString ?? "") })
            where election.phase(at: now) == .closed
        {
            let budgets = try await ElectionBudget.query(on: db).filter(\.$electionID == election.requireID()).all()
            for position in budgets.map(\.position).sorted() {
                // An election still waiting for a polling station's count has no results, hence no file yet.
                guard let text = try? await ElectionsFile.text(election, budget: position, on: db, now: now) else { continue }
                files.append(File(path: "pabulib/" + text.name, bytes: Array(text.body.utf8)))
            }
        }
        return files
    }

    /// The files as one POSIX tar archive (ustar), under `shabaka-open-data/`: entries sorted, time stamps, owners
    /// and modes fixed, so that the same files give the same bytes.
    public static func tar(_ files: [File]) -> [UInt8] {
        var out: [UInt8] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, at offset: Int, length: Int) {
                for (index, byte) in text.utf8.prefix(length).enumerated() { header[offset + index] = byte }
            }
            func octal(_ value: Int, length: Int) -> String {
                let digits = String(value, radix: 8)
                return String(repeating: "0", count: max(0, length - 1 - digits.count)) + digits
            }
            put(name + "/" + file.path, at: 0, length: 100)
            put(octal(0o644, length: 8), at: 100, length: 7)
            put(octal(0, length: 8), at: 108, length: 7)
            put(octal(0, length: 8), at: 116, length: 7)
            put(octal(file.bytes.count, length: 12), at: 124, length: 11)
            put(octal(0, length: 12), at: 136, length: 11)
            put("        ", at: 148, length: 8)
            header[156] = UInt8(ascii: "0")
            put("ustar", at: 257, length: 6)
            put("00", at: 263, length: 2)
            let sum = header.reduce(0) { $0 + Int($1) }
            put(octal(sum, length: 7) + "\0 ", at: 148, length: 8)
            out += header
            out += file.bytes
            out += [UInt8](repeating: 0, count: (512 - file.bytes.count % 512) % 512)
        }
        out += [UInt8](repeating: 0, count: 1024)
        return out
    }
}
