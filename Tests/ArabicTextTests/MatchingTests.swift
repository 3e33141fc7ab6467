import ArabicText
import Testing

@Suite("ArabicText.matches")
struct MatchingTests {
    @Test("query variants find the founding document's phrases", arguments: [
        ("الاقتصاد التضامني", SeedPhrases.network),
        ("اقتصاد تضامني", SeedPhrases.network),
        ("الإقتصاد", SeedPhrases.network),
        ("ديمقراطية تشاركية", SeedPhrases.network),
        ("شبكات", SeedPhrases.network),
        ("التضامنية", SeedPhrases.socialEconomy),
        ("اقتصاد اجتماعي", SeedPhrases.socialEconomy),
        ("اقتصاد تضامني", SeedPhrases.solidarityEconomy),
        ("المجتمع المدني", SeedPhrases.observatory),
        ("مجتمع مدني", SeedPhrases.observatory),
        ("مرصد وطني", SeedPhrases.observatory),
        ("الوطنية", SeedPhrases.observatory),
        ("المسؤولية الاجتماعية", SeedPhrases.corporateResponsibility),
        ("مؤسسة اقتصادية", SeedPhrases.corporateResponsibility),
        ("الاتفاقية", SeedPhrases.agreementWithHamza),
        ("الإتفاقية", SeedPhrases.agreementWithoutHamza),
        ("اتفاقيات", SeedPhrases.agreementWithoutHamza),
        ("جمعية", SeedPhrases.civilSocietyAssociations),
        ("الجمعيات المدنية", SeedPhrases.civilSocietyAssociations),
        ("جمعية", SeedPhrases.associativeNetworks),        // "جمع" is a prefix of "جمعوية"
        ("المواطنة", SeedPhrases.citizenship),
        ("مواطنة ديمقراطية", SeedPhrases.citizenship),
        ("جمعيات غير حكومية", SeedPhrases.nonGovernmental),
        ("٢٠٣٠", SeedPhrases.period),
    ])
    func variantsFindSeedPhrases(query: String, phrase: String) {
        // act
        let found = ArabicText.matches(query: query, in: phrase)
        // assert
        #expect(found)
    }

    @Test("words being typed already match", arguments: [
        "الجمعي", "جمعيا", "مجت", "المجت", "المدن", "مدني الجمع",
    ])
    func partialWordsMatch(query: String) {
        // act
        let found = ArabicText.matches(query: query, in: "جمعيات المجتمع المدني")
        // assert
        #expect(found)
    }

    @Test("terms shorter than 3 letters match whole terms only, not as prefixes")
    func shortTermsMatchWholeTerms() {
        // setup
        let text = "ترسيخ الوعي لدى جمعيات المجتمع المدني"
        // act
        let whole = ArabicText.matches(query: "الوعي", in: text)
        let partial = ArabicText.matches(query: "مج", in: text)
        let stemOnly = ArabicText.matches(query: "البيئة", in: "بين الجمعيات")
        // assert
        #expect(whole)
        #expect(!partial)
        #expect(!stemOnly)
    }

    @Test("unrelated words do not match", arguments: [
        ("رياضة", SeedPhrases.observatory),
        ("المجتمع الرياضي", SeedPhrases.observatory),
        ("ثقافة", SeedPhrases.observatory),
        ("الاقتصاد الرقمي", SeedPhrases.socialEconomy),
        ("بلدية", SeedPhrases.civilSocietyAssociations),
        ("2025", SeedPhrases.period),
        ("sport", "Économie sociale et solidaire"),
    ])
    func unrelatedWordsDoNotMatch(query: String, phrase: String) {
        // act
        let found = ArabicText.matches(query: query, in: phrase)
        // assert
        #expect(!found)
    }

    @Test("French queries match whatever their case, accents and number", arguments: [
        "économie solidaire", "ECONOMIE SOLIDAIRE", "Economie Solidaire", "l'économie", "solidaires", "éco", "soc",
    ])
    func frenchQueries(query: String) {
        // act
        let found = ArabicText.matches(query: query, in: "L’Économie sociale et solidaire")
        // assert
        #expect(found)
    }

    @Test("a query in one script finds its words in a bilingual text")
    func bilingualText() {
        // setup
        let text = "Associations de l'économie solidaire — جمعيات الاقتصاد التضامني"
        // act
        let french = ArabicText.matches(query: "association", in: text)
        let arabic = ArabicText.matches(query: "اقتصاد تضامني", in: text)
        let mixed = ArabicText.matches(query: "الجمعية solidaire", in: text)
        // assert
        #expect(french)
        #expect(arabic)
        #expect(mixed)
    }

    @Test("a query with nothing searchable matches nothing", arguments: ["", "   ", "؟", "و", "l'", "-"])
    func emptyQueriesMatchNothing(query: String) {
        // act
        let found = ArabicText.matches(query: query, in: SeedPhrases.network)
        // assert
        #expect(!found)
    }
}
