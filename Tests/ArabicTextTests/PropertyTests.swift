import ArabicText
import Testing

@Suite("ArabicText properties")
struct PropertyTests {
    @Test("normalising twice changes nothing", arguments: [1, 2, 3, 4])
    func normalizeIsIdempotent(seed: UInt64) {
        // setup
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<150 {
            let text = generator.text(maximumLength: 40)
            // act
            let once = ArabicText.normalize(text)
            let twice = ArabicText.normalize(once)
            // assert
            #expect(once == twice, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("normalised text is trimmed single-spaced words, and tokens are at least 2 letters")
    func normalizedShape() {
        // setup
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let text = generator.text(maximumLength: 40)
            // act
            let normalized = ArabicText.normalize(text)
            let tokens = ArabicText.tokens(text)
            // assert
            #expect(!normalized.hasPrefix(" ") && !normalized.hasSuffix(" ") && !normalized.contains("  "))
            #expect(tokens.allSatisfy { $0.unicodeScalars.count >= 2 && !$0.contains(" ") })
            #expect(tokens == ArabicText.tokens(normalized))
        }
    }

    @Test("every text with a searchable word matches itself")
    func textMatchesItself() {
        // setup
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let text = generator.text(maximumLength: 30)
            // act
            let found = ArabicText.matches(query: text, in: text)
            // assert
            #expect(found == !ArabicText.tokens(text).isEmpty, "\(text)")
        }
    }

    @Test("the article and the clitics before it never change a stem")
    func articlesNeverChangeTheStem() {
        // setup
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<300 {
            let word = generator.arabicWord(length: Int.random(in: 3...8, using: &generator))
            let stem = ArabicText.stem(word)
            for prefix in ["ال", "وال", "بال", "لل", "ولل"] {
                // act
                let prefixed = ArabicText.stem(prefix + word)
                // assert
                #expect(prefixed == stem, "\(prefix + word)")
            }
        }
    }
}
