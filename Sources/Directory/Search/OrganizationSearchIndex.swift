import Foundation
import ArabicText
import Fluent
import Platform
import SQLKit

/// The search index of the directory: one row per (normalised, stemmed term, organisation).
///
/// Queries look terms up by prefix in an indexed table instead of scanning names with LIKE, so a search
/// over 100,000 organisations stays an index range scan; ``ArabicText`` makes "الإقتصاد", "اقتصاد" and
/// "الاقتصاد" the same term.
public enum OrganizationSearchIndex {
    /// Every term an organisation can be found by (``ArabicText/indexTerms(_:)``: words as written, without
    /// clitics, and stemmed): names and descriptions in every language, acronym,
    /// wilaya and commune.
    public static func terms(of organization: Organization, wilayaNames: [String] = []) -> Set<String> {
        var texts: [String] = []
        for text in [organization.name, organization.summary] {
            texts += SiteLanguage.allCases.compactMap { text.value(in: $0) }
        }
        texts += [organization.acronym, organization.commune].compactMap { $0 }
        texts += wilayaNames
        return Set(texts.flatMap { ArabicText.indexTerms($0) })
    }

    /// The key lists sort by: the normalised name in the first language it has.
    public static func sortName(of organization: Organization) -> String {
        let name = organization.name.resolve(in: .ar).text
        return String(ArabicText.normalize(name).prefix(200))
    }

    /// Replaces an organisation's terms and records the change for the in-memory index
    /// (``DirectoryIndexStore``); call inside the transaction that saves it.
    public static func reindex(_ organization: Organization, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let id = try organization.requireID()
        var wilayaNames: [String] = []
        if let code = organization.wilayaCode, let wilaya = try await Wilaya.find(code, on: db) {
            wilayaNames = [wilaya.nameArabic, wilaya.nameFrench]
        }
        try await sql.delete(from: "organization_terms").where("organization_id", .equal, SQLBind(id)).run()
        let terms = terms(of: organization, wilayaNames: wilayaNames).sorted()
        for chunk in terms.chunked(into: 200) where !chunk.isEmpty {
            try await sql.insert(into: "organization_terms").columns("term", "organization_id")
                .values(chunk.map { [SQLBind($0), SQLBind(id)] as [any SQLExpression] }).run()
        }
        try await recordChanges([id], on: sql)
    }

    /// Appends organisations to the `organization_changes` feed the in-memory index follows.
    static func recordChanges(_ ids: [UUID], on sql: any SQLDatabase) async throws {
        for chunk in ids.chunked(into: 500) where !chunk.isEmpty {
            try await sql.insert(into: "organization_changes").columns("organization_id")
                .values(chunk.map { [SQLBind($0)] as [any SQLExpression] }).run()
        }
    }

    /// The query's words (``ArabicText/queryWords(_:)``: stem, and the forms that forgive a spelling slip); at
    /// most eight, so a pasted paragraph cannot make a huge query.
    public static func queryWords(_ query: String) -> [QueryWord] {
        Array(ArabicText.queryWords(query).prefix(8))
    }

    /// As ``ArabicText/matches(query:in:)``: a term of at least ``ArabicText/minimumPrefixLength`` letters
    /// matches as a prefix, a shorter one only whole.
    static func matchesAsPrefix(_ term: String) -> Bool {
        term.unicodeScalars.count >= ArabicText.minimumPrefixLength
    }

    /// Upper bound of the prefix range `[term, term + U+FFFF)`: byte-wise, every word starting with `term`
    /// sorts inside it.
    static func upperBound(_ term: String) -> String {
        term + "\u{FFFF}"
    }
}

extension Array {
    /// The elements in runs of at most `size` (batched inserts).
    public func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

extension SQLInsertBuilder {
    func values(_ rows: [[any SQLExpression]]) -> Self {
        var builder = self
        for row in rows { builder = builder.values(row) }
        return builder
    }
}
