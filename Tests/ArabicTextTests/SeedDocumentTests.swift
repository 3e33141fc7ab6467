import ArabicText
import Foundation
import Testing

/// The founding document, read only from this repository's copy in `Tests/Fixtures/mission`, so the suite runs on
/// a clone alone; `.ci/run` checks that the copy still matches the project's shared material.
private let seedDocumentURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/mission/seed-ar.txt")

@Suite("The founding document")
struct SeedDocumentTests {
    @Test("every phrase used in these tests is quoted verbatim from it")
    func phrasesAreVerbatim() throws {
        // setup
        let document = try String(contentsOf: seedDocumentURL, encoding: .utf8)
        for phrase in SeedPhrases.all {
            // assert
            #expect(document.contains(phrase), "\(phrase)")
        }
    }

    @Test("searching the whole document finds its themes however they are typed", arguments: [
        "الاقتصاد التضامني", "اقتصاد تضامني", "الإقتصاد", "الاتفاقية", "الإتفاقية", "جمعية مدنية",
        "المواطنة", "الديمقراطية التشاركية", "مسؤولية اجتماعية", "للمرصد", "شبكة جمعوية", "2030",
    ])
    func documentAnswersThemes(query: String) throws {
        // setup
        let document = try String(contentsOf: seedDocumentURL, encoding: .utf8)
        // act
        let found = ArabicText.matches(query: query, in: document)
        // assert
        #expect(found)
    }

    @Test("searching the whole document does not find what it never mentions", arguments: [
        "رياضة", "الانتخابات", "المدرسة", "التعليم", "sport",
    ])
    func documentIgnoresOtherThemes(query: String) throws {
        // setup
        let document = try String(contentsOf: seedDocumentURL, encoding: .utf8)
        // act
        let found = ArabicText.matches(query: query, in: document)
        // assert
        #expect(!found)
    }

    @Test("both spellings of the agreement in the document give one search term")
    func agreementSpellingsMeet() throws {
        // setup
        let document = try String(contentsOf: seedDocumentURL, encoding: .utf8)
        // act
        let terms = ArabicText.tokens(document)
        // assert
        #expect(document.contains("الإتفاقية") && document.contains("الاتفاقية"))
        #expect(terms.filter { $0 == "اتفاق" }.count == 4)
        #expect(!terms.contains { $0.contains("إ") })
    }
}
