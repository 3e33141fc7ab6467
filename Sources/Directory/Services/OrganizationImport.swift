import CSV
import Fluent
import Foundation
import Platform

/// CSV import of organisations: every row is checked first; if any is bad, nothing is imported and every
/// problem is reported (line, field, reason), so the file can be fixed in one pass.
public enum OrganizationImport {
    public static let columns = [
        "slug", "kind", "name_ar", "name_fr", "name_en", "description_ar", "description_fr", "description_en",
        "acronym", "accreditation_number", "accreditation_date", "wilaya_code", "commune", "address", "email",
        "phone", "website", "founded_on", "domains",
    ]

    public enum Outcome: Sendable {
        case imported(count: Int)
        case rejected(problems: [ImportProblem])
    }

    /// Parses and validates `text`; imports all rows in one transaction, or none.
    /// `translate` turns a catalog key into the reader's language.
    public static func run(
        csv text: String, actor: AuditActor, on db: any Database, now: Date,
        translate: @Sendable (String, [String]) -> String
    ) async throws -> Outcome {
        var problems: [ImportProblem] = []
        let rows: [(line: Int, input: OrganizationInput)]
        do {
            rows = try parse(text, problems: &problems, translate: translate)
        } catch {
            return .rejected(problems: [ImportProblem(line: 1, field: "file", reason: translate("import.unreadable", []))])
        }
        let reference = try await ReferenceSets.load(on: db)
        var seen: [String: Int] = [:]
        let slugs = rows.compactMap(\.input.slug)
        let existing = Set(try await Organization.query(on: db).filter(\.$slug ~~ slugs).all().map(\.slug))
        for (line, input) in rows {
            for error in OrganizationService.validate(input, creating: true, reference: reference, now: now) {
                problems.append(ImportProblem(line: line, field: error.field, reason: translate(error.key, error.arguments)))
            }
            if let slug = input.slug, !slug.isEmpty {
                if let first = seen[slug] {
                    problems.append(ImportProblem(line: line, field: "slug",
                                                  reason: translate("import.duplicate_slug", ["\(first)"])))
                } else if existing.contains(slug) {
                    problems.append(ImportProblem(line: line, field: "slug", reason: translate("validation.slug_taken", [])))
                }
                seen[slug] = seen[slug] ?? line
            }
        }
        if rows.isEmpty, problems.isEmpty {
            problems.append(ImportProblem(line: 1, field: "file", reason: translate("import.empty", [])))
        }
        guard problems.isEmpty else { return .rejected(problems: problems.sorted { ($0.line, $0.field) < ($1.line, $1.field) }) }
        try await db.transaction { tx in
            for (_, input) in rows {
                _ = try await OrganizationService.insert(input, actor: actor, on: tx, now: now)
            }
        }
        return .imported(count: rows.count)
    }

    static func parse(
        _ text: String, problems: inout [ImportProblem], translate: (String, [String]) -> String
    ) throws -> [(line: Int, input: OrganizationInput)] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let reader = try CSVReader(string: body, hasHeaderRow: true, trimFields: true)
        let header = reader.headerRow ?? []
        let unknown = header.filter { !columns.contains($0) }
        for column in unknown {
            problems.append(ImportProblem(line: 1, field: column, reason: translate("import.unknown_column", [])))
        }
        for required in ["slug", "kind"] where !header.contains(required) {
            problems.append(ImportProblem(line: 1, field: required, reason: translate("import.missing_column", [])))
        }
        guard problems.isEmpty else { return [] }
        var rows: [(Int, OrganizationInput)] = []
        var line = 1
        while let fields = reader.next() {
            line += 1
            if fields.allSatisfy(\.isEmpty) { continue }
            if fields.count != header.count {
                problems.append(ImportProblem(line: line, field: "row",
                                              reason: translate("import.column_count", ["\(header.count)", "\(fields.count)"])))
                continue
            }
            let cell = { (name: String) -> String? in Validate.trimmed(reader[name].map(CSVText.restored)) }
            var input = OrganizationInput()
            input.slug = cell("slug") ?? ""
            input.kind = cell("kind") ?? ""
            input.name = Translated(ar: cell("name_ar"), fr: cell("name_fr"), en: cell("name_en"))
            input.description = Translated(ar: cell("description_ar"), fr: cell("description_fr"), en: cell("description_en"))
            input.acronym = cell("acronym")
            input.accreditationNumber = cell("accreditation_number")
            input.accreditationDate = cell("accreditation_date")
            input.wilayaCode = cell("wilaya_code")
            input.commune = cell("commune")
            input.address = cell("address")
            input.email = cell("email")
            input.phone = cell("phone")
            input.website = cell("website")
            input.foundedOn = cell("founded_on")
            input.domains = (cell("domains") ?? "").split(whereSeparator: { $0 == "|" || $0 == ";" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            rows.append((line, input))
        }
        return rows
    }
}
