import CSV
import Fluent
import Foundation
import Platform

/// Wilayas (from the checked `Resources/Reference/wilayas.csv`) and the domain taxonomy.
struct CreateReferenceData: AsyncMigration {
    let wilayasCSV: String

    var name: String { "directory.001.create-reference-data" }

    func prepare(on database: any Database) async throws {
        try await database.schema("wilayas")
            .field("code", .string, .identifier(auto: false))
            .field("iso_code", .string, .required)
            .field("name_ar", .string, .required)
            .field("name_fr", .string, .required)
            .create()
        try await database.schema("domains")
            .field("code", .string, .identifier(auto: false))
            .field("domain_group", .string, .required)
            .field("name", .json, .required)
            .field("position", .int, .required)
            .create()
        for wilaya in try Self.readWilayas(path: wilayasCSV) {
            try await wilaya.create(on: database)
        }
        for (index, entry) in DomainCatalog.entries.enumerated() {
            let group = String(entry.code.split(separator: ".").first ?? "")
            try await Domain(code: entry.code, group: group, name: entry.name, position: index).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("domains").delete()
        try await database.schema("wilayas").delete()
    }

    static func readWilayas(path: String) throws -> [Wilaya] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ReferenceDataError("cannot read \(path)")
        }
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var wilayas: [Wilaya] = []
        while reader.next() != nil {
            guard let code = reader["code"], let iso = reader["iso_3166_2"], let arabic = reader["name_ar"],
                  let french = reader["name_fr"] else { throw ReferenceDataError("\(path): missing column") }
            wilayas.append(Wilaya(code: code, isoCode: iso, nameArabic: arabic, nameFrench: french))
        }
        guard wilayas.count == 58 else { throw ReferenceDataError("\(path): expected 58 wilayas, found \(wilayas.count)") }
        return wilayas
    }
}
