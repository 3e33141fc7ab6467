import ArabicText
import Testing

/// Search forgives one spelling edit in a word of five letters or more, after normalisation; exact matches
/// rank first.
@Suite("ArabicText forgives spelling")
struct FuzzyTests {
    /// A query, a text, and the spelling slip that separates them.
    struct Variant: CustomTestStringConvertible, Sendable {
        let query: String
        let text: String
        let slip: String
        init(_ query: String, _ text: String, _ slip: String) {
            self.query = query
            self.text = text
            self.slip = slip
        }
        var testDescription: String { "\(query) → \(text) (\(slip))" }
    }

    static let accepted: [Variant] = [
        // Loanwords written with or without their long vowel
        Variant("ديموقراطية", "الديمقراطية التشاركية", "loanword, extra و"),
        Variant("الديمقراطية", "شبكة الديموقراطية", "loanword, missing و"),
        Variant("تكنلوجيا", "تكنولوجيا المعلومات", "loanword, missing و"),
        Variant("التكنولوجيا", "التكنلوجيا الحديثة", "loanword, extra و"),
        Variant("الانترنيت", "الإنترنت للجميع", "loanword, extra ي"),
        Variant("بيداغوجيا", "البيداغوجية الحديثة", "loanword, ا for ية"),
        // A dropped letter
        Variant("الاسترتيجية", "الاستراتيجية الوطنية", "dropped ا"),
        Variant("associaton", "Association des Palmiers", "dropped i"),
        Variant("developement", "Développement local", "dropped p"),
        Variant("envronment", "Environment protection", "dropped i"),
        // A doubled letter
        Variant("الجزائرر", "جمعيات الجزائر", "doubled ر"),
        Variant("التضامنن", "الاقتصاد التضامني", "doubled ن"),
        Variant("associattion", "Association des Palmiers", "doubled t"),
        Variant("solidarrité", "Économie solidaire et solidarité", "doubled r"),
        // A letter for another
        Variant("التظامن", "الاقتصاد التضامني", "ظ for ض"),
        Variant("المدمي", "المجتمع المدني", "م for ن, 6 letters with the article"),
        Variant("الرقمنه", "الرقمنة والابتكار", "equal after folding ة"),
        Variant("citoyennetė", "la citoyenneté", "equal after folding"),
        Variant("citoyenmeté", "la citoyenneté", "m for n"),
        // Two adjacent letters swapped
        Variant("المجمتع", "جمعيات المجتمع المدني", "swapped ت م"),
        Variant("assocaition", "Association des Palmiers", "swapped i a"),
        Variant("envirnoment", "Environment and climate", "swapped o n"),
    ]

    static let refused: [Variant] = [
        // Under five letters: never forgiven
        Variant("ماء", "ماذ", "3 letters"),
        Variant("سلام", "سلاح", "4 letters"),
        Variant("كتاب", "كتان", "4 letters"),
        Variant("prix", "pris", "4 letters"),
        Variant("مدمي", "المجتمع المدني", "4 letters"),
        // Two edits
        Variant("ديموكراطية", "الديمقراطية التشاركية", "extra و and ك for ق"),
        Variant("asociaton", "Association des Palmiers", "two dropped letters"),
        Variant("developemnt", "Développement local", "dropped p and e"),
        Variant("التظامنن", "الاقتصاد التضامني", "ظ for ض and doubled ن"),
        // Numbers and codes are never guessed at
        Variant("20245", "20246", "a number"),
        Variant("covid19", "covid18", "a code with digits"),
        // Unrelated words stay unrelated
        Variant("رياضة", "المرصد الوطني للمجتمع المدني", "unrelated"),
        Variant("sport", "Économie sociale et solidaire", "unrelated"),
    ]

    @Test("accepted variants match, after exact matches", arguments: accepted)
    func acceptedVariantsMatch(variant: Variant) {
        // act
        let match = ArabicText.match(query: variant.query, in: variant.text)
        // assert: normalisation already folds some (hamza, ta marbuta, accents): those are exact
        #expect(match != nil)
        #expect(ArabicText.matches(query: variant.query, in: variant.text))
    }

    @Test("true spelling slips are approximate matches, folded spellings exact ones")
    func slipsRankAfterExactMatches() {
        // act
        let slips = Self.accepted.filter { !$0.slip.hasPrefix("equal") }
            .map { ArabicText.match(query: $0.query, in: $0.text) }
        let folded = ["الرقمنه", "citoyennetė", "المتوسطه", "الإقتصاد"].map {
            ArabicText.match(query: $0, in: "الرقمنة المؤسسات المتوسطة الاقتصاد la citoyenneté")
        }
        // assert
        #expect(slips.allSatisfy { $0 == .approximate })
        #expect(folded.allSatisfy { $0 == .exact })
        #expect(SearchMatch.exact < .approximate)
    }

    @Test("refused variants do not match", arguments: refused)
    func refusedVariantsDoNotMatch(variant: Variant) {
        // act
        let match = ArabicText.match(query: variant.query, in: variant.text)
        // assert
        #expect(match == nil)
    }

    @Test("a query with an exact and a misspelt word matches approximately; a missing word still fails")
    func everyWordMustMatch() {
        // act
        let mixed = ArabicText.match(query: "الاقتصاد التظامني", in: "الاقتصاد التضامني")
        let missing = ArabicText.match(query: "التظامني الرياضي", in: "الاقتصاد التضامني")
        // assert
        #expect(mixed == .approximate)
        #expect(missing == nil)
    }

    @Test("the pair rule, on normalised words", arguments: [
        ("ديمقراطيه", "ديموقراطيه", true), ("تكنلوجيا", "تكنولوجيا", true), ("association", "associaton", true),
        ("association", "assocaition", true), ("association", "association", false), ("association", "asociaton", false),
        ("ماء", "ماذ", false), ("كتاب", "كتان", false), ("12345", "12346", false),
        ("association", "associatjon", true), ("associatمon", "association", false), ("تضاxني", "تضامني", false),
    ])
    func pairRule(word: String, form: String, expected: Bool) {
        // act
        let oneEdit = ArabicText.isOneEditAway(word, from: form)
        // assert: `word` is the indexed word, `form` the query's
        #expect(oneEdit == expected, "\(form) → \(word)")
    }

    @Test("query words keep the forms that forgive: five letters or more, letters only, without clitics too")
    func queryWordForms() {
        // act
        let words = ArabicText.queryWords("والديموقراطية المدني 2030 associations")
        // assert
        #expect(words.map(\.term) == ["ديموقراط", "مدن", "2030", "association"])
        #expect(words[0].spellingForms == ["والديموقراطيه", "ديموقراطيه", "ديموقراط"])
        #expect(words[1].spellingForms == ["المدني"])
        #expect(words[2].spellingForms.isEmpty)
        #expect(words[3].spellingForms == ["associations", "association"])
    }

    @Test("the listed variants are exactly the words the rule accepts", arguments: [11, 12, 13])
    func variantsAgreeWithTheRule(seed: UInt64) {
        // setup: random words, and random edits of them with letters of every kind
        var generator = SeededGenerator(seed: seed)
        let foreign = Array("abcxyzéɛ0ⴰ".unicodeScalars) + SpellingLetters.arabic
        for round in 0..<60 {
            let form = round.isMultiple(of: 3) ? generator.latinWord(length: Int.random(in: 4...9, using: &generator))
                : ArabicText.normalize(generator.arabicWord(length: Int.random(in: 4...9, using: &generator)))
            // act
            let variants = ArabicText.spellingVariants(of: form)
            // assert: every variant passes the rule; random edits pass it exactly when listed
            #expect(variants.allSatisfy { ArabicText.isOneEditAway($0, from: form) }, "\(form)")
            #expect(!variants.contains(form))
            if form.unicodeScalars.count < ArabicText.minimumSpellingLength { #expect(variants.isEmpty) }
            for _ in 0..<40 {
                let edited = generator.edit(form, letters: foreign + Array(form.unicodeScalars))
                #expect(variants.contains(edited) == ArabicText.isOneEditAway(edited, from: form), "\(form) → \(edited)")
            }
        }
    }

    @Test("the spelling index finds what a scan of its vocabulary with the rule finds", arguments: [21, 22])
    func indexAgreesWithAScan(seed: UInt64) {
        // setup: a vocabulary of words and near misses of them, half filed at once and half inserted later
        var generator = SeededGenerator(seed: seed)
        var roots: [String] = []
        for _ in 0..<40 {
            roots.append(ArabicText.normalize(generator.arabicWord(length: Int.random(in: 4...8, using: &generator))))
            roots.append(generator.latinWord(length: Int.random(in: 4...8, using: &generator)))
        }
        var vocabulary = roots
        for root in roots {
            for _ in 0..<6 { vocabulary.append(generator.edit(root, letters: SpellingLetters.arabic + Array("abz".unicodeScalars))) }
        }
        vocabulary += ["2030", "ab", "ماء"]
        var index = SpellingIndex(vocabulary.prefix(vocabulary.count / 2))
        for word in vocabulary.dropFirst(vocabulary.count / 2) { index.insert(word) }
        index.insert(vocabulary[0])

        for query in roots + vocabulary.prefix(40) {
            // act
            let found = index.words(oneEditFrom: query)
            // assert
            let scanned = Set(vocabulary.filter { ArabicText.isOneEditAway($0, from: query) })
            #expect(Set(found) == scanned, "\(query)")
            #expect(found.count == Set(found).count)
        }
    }

    @Test("the index lists a loanword's spellings for each other")
    func indexFindsLoanwordSpellings() {
        // setup
        let index = SpellingIndex(ArabicText.indexTerms("الديمقراطية والتكنولوجيا، associations et développement"))
        // act, assert
        #expect(Set(index.words(oneEditFrom: "ديموقراطيه")) == ["ديمقراطيه"])
        #expect(Set(index.words(oneEditFrom: "الديموقراطيه")) == ["الديمقراطيه"])
        #expect(Set(index.words(oneEditFrom: "تكنلوجيا")) == ["تكنولوجيا"])
        #expect(Set(index.words(oneEditFrom: "associaton")) == ["association"])
        #expect(Set(index.words(oneEditFrom: "developement")) == ["developpement"])
        #expect(index.words(oneEditFrom: "devlopement").isEmpty)
        #expect(index.words(oneEditFrom: "ماء").isEmpty)
    }
}

enum SpellingLetters {
    /// Arabic letters as they are after normalisation, and a few that normalisation removes or folds.
    static let arabic = Array("ءابتثجحخدذرزسشصضطظعغفقكلمنهويڤ".unicodeScalars) + Array("ةىأ".unicodeScalars)
}

extension SeededGenerator {
    /// A random lowercase Latin word of `length` letters.
    mutating func latinWord(length: Int) -> String {
        String((0..<length).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement(using: &self)! })
    }

    /// `word` with one random edit (insertion, deletion, substitution or adjacent swap, with `letters`), or
    /// two of them now and then, or none.
    mutating func edit(_ word: String, letters: [Unicode.Scalar]) -> String {
        var scalars = Array(word.unicodeScalars)
        let edits = [0, 1, 1, 1, 1, 2].randomElement(using: &self)!
        for _ in 0..<edits {
            let position = Int.random(in: 0...scalars.count, using: &self)
            switch Int.random(in: 0..<4, using: &self) {
            case 0:
                scalars.insert(letters.randomElement(using: &self)!, at: position)
            case 1 where position < scalars.count:
                scalars.remove(at: position)
            case 2 where position < scalars.count:
                scalars[position] = letters.randomElement(using: &self)!
            case 3 where position + 1 < scalars.count:
                scalars.swapAt(position, position + 1)
            default:
                break
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
