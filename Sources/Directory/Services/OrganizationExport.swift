import CSV
import Fluent
import Foundation
import Platform
import SQLKit

/// CSV export in the import's own format (so an export can be edited and re-imported elsewhere).
public enum OrganizationExport {
    static func csv(_ filter: OrganizationFilter, index: DirectoryIndexStore, on db: any Database) async throws -> String {
        let writer = try CSVWriter(stream: .toMemory())
        try writer.write(row: OrganizationImport.columns)
        var page = 1
        while true {
            let (rows, _) = try await OrganizationQuery.page(filter, page: PageQuery(number: page, size: 100), index: index, on: db)
            let ids = rows.map(\.id)
            if ids.isEmpty { break }
            let organizations = try await Organization.query(on: db).filter(\.$id ~~ ids).all()
            let domains = try await OrganizationDomain.query(on: db).filter(\.$organizationID ~~ ids).all()
            let byID = Dictionary(uniqueKeysWithValues: organizations.compactMap { org in org.id.map { ($0, org) } })
            for row in rows {
                guard let org = byID[row.id] else { continue }
                let codes = domains.filter { $0.organizationID == row.id }.map(\.domainCode).sorted().joined(separator: "|")
                try writer.write(row: [
                    org.slug, org.kind.rawValue, org.name.ar ?? "", org.name.fr ?? "", org.name.en ?? "",
                    org.summary.ar ?? "", org.summary.fr ?? "", org.summary.en ?? "", org.acronym ?? "",
                    org.accreditationNumber ?? "", org.accreditationDate ?? "", org.wilayaCode ?? "", org.commune ?? "",
                    org.address ?? "", org.email ?? "", org.phone ?? "", org.website ?? "", org.foundedOn ?? "", codes,
                ])
            }
            if rows.count < 100 { break }
            page += 1
        }
        writer.stream.close()
        guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension OrganizationExport {
    /// Every organisation in full, as a JSON array.
    public static func json(on db: any Database) async throws -> String {
        var items: [OrganizationDTO] = []
        for organization in try await Organization.query(on: db).sort(\.$sortName).all() {
            items.append(try await OrganizationDTO.load(organization, on: db))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }
}
