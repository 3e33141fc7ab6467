import ArabicText
import Testing

@Suite("ArabicText performance sanity")
struct PerformanceTests {
    @Test("tokenising a 10,000-word text completes (no time limit asserted)")
    func tenThousandWords() {
        // setup
        let words = (SeedPhrases.all + ["Économie sociale et solidaire", "associations"])
            .flatMap { ArabicText.normalize($0).split(separator: " ").map(String.init) }
        let text = (0..<10_000).map { words[$0 % words.count] }.joined(separator: " ")
        // act
        let tokens = ArabicText.tokens(text)
        // assert
        #expect(tokens.count == 10_000)
    }
}
