import ArabicText
import Testing

@Suite("ArabicText.tokens")
struct TokensTests {
    @Test("the issue's acceptance queries give the same terms", arguments: [
        ["الاقتصاد التضامني", "اقتصاد تضامني", "الإقتصاد التضامنية", "والاقتصاد التضامني", "بالاقتصاد تضامني"],
        ["الإقتصاد", "الاقتصاد", "اقتصاد", "بالاقتصاد"],
        ["المواطنة", "والمواطنة", "مواطنة"],
        ["الشـــبكة", "الشبكة", "شبكة"],
        ["الدِّيمُقْرَاطِيَّة", "الديمقراطية"],
        ["économie solidaire", "Economie Solidaire", "ECONOMIE solidaire", "l'économie solidaires"],
        ["associations", "association", "l’association"],
    ])
    func variantsShareTokens(variants: [String]) {
        // act
        let tokens = variants.map(ArabicText.tokens)
        // assert
        #expect(Set(tokens).count == 1, "\(tokens)")
        #expect(tokens.first?.isEmpty == false)
    }

    @Test("a seed phrase becomes its stems, in order")
    func seedPhraseInOrder() {
        // act
        let network = ArabicText.tokens(SeedPhrases.network)
        let observatory = ArabicText.tokens(SeedPhrases.observatory)
        let agreement = ArabicText.tokens(SeedPhrases.agreementWithHamza)
        // assert
        #expect(network == ["شبك", "ديمقراط", "تشارك", "اقتصاد", "اجتماع", "تضامن"])
        #expect(observatory == ["مرصد", "وطن", "مجتمع", "مدن"])
        #expect(agreement == ["اتفاق"])
    }

    @Test("single letters, elision leftovers and punctuation give no token")
    func shortTokensAreDropped() {
        // act
        let elided = ArabicText.tokens("L'économie qu'il d'abord")
        let detachedWaw = ArabicText.tokens("و المجتمع")
        let nothing = ArabicText.tokens(" ؟ ، - ! ")
        // assert
        #expect(elided == ["economie", "il", "abord"])
        #expect(detachedWaw == ["مجتمع"])
        #expect(nothing.isEmpty)
    }

    @Test("numbers are tokens whatever their script")
    func numbersAreTokens() {
        // act
        let tokens = ArabicText.tokens("لفترة ٢٠٢٤-2030")
        // assert
        #expect(tokens == ["لفتر", "2024", "2030"])  // a bare ل is not stripped: see StemTests
    }

    @Test("tokens keep repeats and searchTerms drops them, keeping first-seen order")
    func searchTermsDeduplicate() {
        // setup
        let text = "جمعيات المجتمع المدني والجمعيات غير الحكومية والمجتمع"
        // act
        let tokens = ArabicText.tokens(text)
        let terms = ArabicText.searchTerms(text)
        // assert
        #expect(tokens == ["جمع", "مجتمع", "مدن", "جمع", "غير", "حكوم", "مجتمع"])
        #expect(terms == ["جمع", "مجتمع", "مدن", "غير", "حكوم"])
    }

    @Test("index terms hold each word as written, without its clitic prefixes, and its stem")
    func indexTerms() {
        // act
        let terms = ArabicText.indexTerms("للمجتمع والمواطنة وطني Associations")
        // assert
        #expect(terms == [
            "للمجتمع", "مجتمع", "والمواطنه", "مواطنه", "مواطن", "وطني", "وطن", "associations", "association",
        ])
    }
}
