import ArabicText
import Testing

@Suite("ArabicText.normalize")
struct NormalizeTests {
    @Test("Arabic spelling variants fold to one form", arguments: [
        ("الدِّيمُقْرَاطِيَّة", "الديمقراطيه"),       // tashkeel
        ("ذَٰلِكَ", "ذلك"),                            // superscript alef U+0670
        ("الْحَمْدُ ۖ لِلَّهِ", "الحمد لله"),            // Quranic pause mark U+06D6
        ("الشـــبكة", "الشبكه"),                       // tatweel
        ("أ إ آ ٱ", "ا ا ا ا"),                        // alef forms
        ("الإتفاقية", "الاتفاقيه"),
        ("مؤسسة", "موسسه"),                            // ؤ → و
        ("المسائل", "المسايل"),                        // ئ → ي
        ("إنشاء شيء", "انشاء شيء"),                     // standalone ء is kept
        ("على", "علي"),                                // alef maqsura
        ("رئیسة کبیرة", "رييسه كبيره"),                // Persian yeh and kaf
        ("ﻻ", "لا"),                                   // presentation-form ligature
        ("\u{200F}شبكة\u{200E}", "شبكه"),              // bidi marks are invisible, not separators
    ])
    func arabicFolds(input: String, expected: String) {
        // act
        let normalized = ArabicText.normalize(input)
        // assert
        #expect(normalized == expected)
    }

    @Test("digits of every script become ASCII", arguments: [
        ("٢٠٢٤", "2024"),
        ("۲۰۳۰", "2030"),
        ("2024", "2024"),
        ("لفترة ٢٠٢٤-٢٠٣٠", "لفتره 2024 2030"),
    ])
    func digitsFold(input: String, expected: String) {
        // act
        let normalized = ArabicText.normalize(input)
        // assert
        #expect(normalized == expected)
    }

    @Test("Latin is lowercased and French accents are removed", arguments: [
        ("Économie Solidaire", "economie solidaire"),
        ("ECONOMIE solidaire", "economie solidaire"),
        ("ÉLÈVE à l'hôpital", "eleve a l hopital"),
        ("çàâèéêëîïôûùü", "caaeeeeiiouuu"),
        ("Cœur ŒUVRE Lætitia", "coeur oeuvre laetitia"),
        ("garçon où île maïs août Noël", "garcon ou ile mais aout noel"),
        ("Straße", "strasse"),
        ("e\u{0301}conomie", "economie"),              // decomposed accent
        ("ＡＢＣ", "abc"),                              // full-width letters
    ])
    func latinFolds(input: String, expected: String) {
        // act
        let normalized = ArabicText.normalize(input)
        // assert
        #expect(normalized == expected)
    }

    @Test("punctuation becomes space, whitespace collapses and the ends are trimmed", arguments: [
        ("شبكة، جمعية؛ لماذا؟", "شبكه جمعيه لماذا"),
        ("«المرصد» \"الوطني\" – (2024)", "المرصد الوطني 2024"),
        ("l’économie sociale-et-solidaire!", "l economie sociale et solidaire"),
        ("  a \t\n b  ", "a b"),
        ("\u{00A0}مرصد\u{00A0}\u{00A0}وطني", "مرصد وطني"),
        ("؟!…", ""),
        ("", ""),
    ])
    func punctuationSeparates(input: String, expected: String) {
        // act
        let normalized = ArabicText.normalize(input)
        // assert
        #expect(normalized == expected)
    }

    @Test("the founding document's phrases normalise without losing a word")
    func seedPhrasesKeepTheirWords() {
        for phrase in SeedPhrases.all {
            // act
            let normalized = ArabicText.normalize(phrase)
            // assert
            let words = phrase.split(whereSeparator: { " -".contains($0) })
            #expect(normalized.split(separator: " ").count == words.count)
        }
    }
}
