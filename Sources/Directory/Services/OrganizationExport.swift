import Fluent
import Foundation
import Platform
import SQLKit

/// CSV export in the import's own format (so an export can be edited and re-imported elsewhere).
public enum OrganizationExport {
    static let chunkSize = 100

    /// Writes the CSV in chunks of `chunkSize` rows through `write`, so that an export of the whole
    /// directory never sits in memory at once (the API streams it to the client, the CLI to a file).
    static func csv(
        _ filter: OrganizationFilter, index: DirectoryIndexStore, on db: any Database,
        write: (String) async throws -> Void
    ) async throws {
        try await write(CSVText.line(OrganizationImport.columns))
        var page = 1
        while true {
            let (rows, _) = try await OrganizationQuery.page(filter, page: PageQuery(number: page, size: chunkSize),
                                                             index: index, on: db)
            let ids = rows.map(\.id)
            if ids.isEmpty { break }
            let organizations = try await Organization.query(on: db).filter(\.$id ~~ ids).all()
            let domains = try await OrganizationDomain.query(on: db).filter(\.$organizationID ~~ ids).all()
            let byID = Dictionary(uniqueKeysWithValues: organizations.compactMap { org in org.id.map { ($0, org) } })
            var chunk = ""
            for row in rows {
                guard let org = byID[row.id] else { continue }
                let codes = domains.filter { $0.organizationID == row.id }.map(\.domainCode).sorted().joined(separator: "|")
                chunk += CSVText.line([
                    org.slug, org.kind.rawValue, org.name.ar ?? "", org.name.fr ?? "", org.name.en ?? "",
                    org.summary.ar ?? "", org.summary.fr ?? "", org.summary.en ?? "", org.acronym ?? "",
                    org.accreditationNumber ?? "", org.accreditationDate ?? "", org.wilayaCode ?? "", org.commune ?? "",
                    org.address ?? "", org.email ?? "", org.phone ?? "", org.website ?? "", org.foundedOn ?? "", codes,
                ])
            }
            try await write(chunk)
            if rows.count < chunkSize { break }
            page += 1
        }
    }
}

extension OrganizationExport {
    /// Every organisation in full, as a JSON array written in chunks (list order, like the CSV).
    static func json(index: DirectoryIndexStore, on db: any Database, write: (String) async throws -> Void)
        async throws
    {
        let encoder = JSONKeys.encoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try await write("[")
        var page = 1, first = true
        while true {
            let (rows, _) = try await OrganizationQuery.page(OrganizationFilter(), page: PageQuery(number: page, size: chunkSize),
                                                             index: index, on: db)
            if rows.isEmpty { break }
            let organizations = try await Organization.query(on: db).filter(\.$id ~~ rows.map(\.id)).all()
            let byID = Dictionary(uniqueKeysWithValues: organizations.compactMap { org in org.id.map { ($0, org) } })
            var chunk = ""
            for row in rows {
                guard let organization = byID[row.id] else { continue }
                let item = try await OrganizationDTO.load(organization, on: db)
                chunk += (first ? "\n" : ",\n") + String(decoding: try encoder.encode(item), as: UTF8.self)
                first = false
            }
            try await write(chunk)
            if rows.count < chunkSize { break }
            page += 1
        }
        try await write(first ? "]\n" : "\n]\n")
    }
}
