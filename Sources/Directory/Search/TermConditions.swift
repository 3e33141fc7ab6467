import ArabicText
import SQLKit

/// Query words as SQL conditions on a terms table (`organization_terms`, `person_terms`: one row per indexed
/// term and owner), matching as ``DirectoryIndex`` and ``ArabicText/match(query:in:)`` do: a word matches a
/// term exactly (equal to its stem, or from three letters starting with it: a range scan of the term index),
/// or approximately when the term is one spelling edit from a form of the word.
///
/// The table cannot be scanned for terms one edit away, so ``read(_:table:on:)`` lists every string one edit
/// from each word (``QueryWord/spellingVariants()``) and asks the term index which of them are terms; the
/// conditions then name those few terms. Lists order by ``rank(owner:)`` first, so the owners every word
/// matches exactly come before those matched through a spelling slip.
struct TermConditions {
    let table: String
    let words: [QueryWord]
    /// For each word, the terms of the table one edit from it (often none).
    let spelled: [[String]]

    /// Variants per query: more would only split the lookup into several queries.
    static let variantsPerQuery = 10_000

    /// Reads which spelling variants of the words are terms of `table`.
    static func read(_ words: [QueryWord], table: String, on sql: any SQLDatabase) async throws -> TermConditions {
        let variants = words.map { $0.spellingVariants() }
        let all = variants.reduce(into: Set<String>()) { $0.formUnion($1) }.sorted()
        var existing = Set<String>()
        for start in stride(from: 0, to: all.count, by: variantsPerQuery) {
            let chunk = all[start..<min(all.count, start + variantsPerQuery)]
            let rows = try await sql.select().distinct().column("term").from(table)
                .where(SQLColumn("term"), .in, SQLGroupExpression(SQLList(chunk.map { SQLBind($0) }))).all()
            for row in rows { existing.insert(try row.decode(column: "term", as: String.self)) }
        }
        let spelled = variants.map { $0.filter(existing.contains).sorted() }
        return TermConditions(table: table, words: words, spelled: spelled)
    }

    /// Whether some word matches a term only through a spelling slip, so that the order needs ``rank(owner:)``.
    var approximate: Bool { spelled.contains { !$0.isEmpty } }

    /// One condition per word: the owner (`owner` column of the table, matched against the list's `id`) has a
    /// term matching the word exactly or one edit away.
    func conditions(owner: String) -> [any SQLExpression] {
        words.indices.map { index in
            var match = Self.exact(words[index])
            if !spelled[index].isEmpty { match = "(\(match) OR term IN (\(binds: spelled[index])))" }
            return SQLQueryString("id IN (SELECT \(ident: owner) FROM \(ident: table) WHERE \(match))")
        }
    }

    /// 0 for owners every word matches exactly, 1 for the others: the first key of the list order.
    func rank(owner: String) -> any SQLExpression {
        let exact = words.map { word -> SQLQueryString in
            "id IN (SELECT \(ident: owner) FROM \(ident: table) WHERE \(Self.exact(word)))"
        }
        guard var all = exact.first else { return SQLLiteral.numeric("0") }
        for condition in exact.dropFirst() { all = "\(all) AND \(condition)" }
        return SQLQueryString("CASE WHEN \(all) THEN 0 ELSE 1 END")
    }

    private static func exact(_ word: QueryWord) -> SQLQueryString {
        word.matchesAsPrefix
            ? "(term >= \(bind: word.term) AND term < \(bind: OrganizationSearchIndex.upperBound(word.term)))"
            : "term = \(bind: word.term)"
    }
}
