import ArabicText
import Testing

@Suite("ArabicText.stem")
struct StemTests {
    @Test("a word with and without its clitics and suffixes shares one stem", arguments: [
        ("اقتصاد", ["الاقتصاد", "اقتصاد", "الإقتصاد", "بالاقتصاد", "والاقتصاد", "للاقتصاد", "وبالاقتصاد"]),
        ("تضامن", ["التضامني", "تضامني", "التضامنية", "تضامنية", "والتضامني"]),
        ("جمع", ["الجمعيات", "جمعيات", "جمعية", "الجمعية", "والجمعيات", "للجمعيات"]),
        ("مواطن", ["والمواطنة", "المواطنة", "مواطنة", "مواطنون", "المواطنين", "مواطنات"]),
        ("مجتمع", ["للمجتمع", "المجتمع", "مجتمع", "والمجتمع", "وللمجتمع"]),
        ("ديمقراط", ["الدِّيمُقْرَاطِيَّة", "الديمقراطية", "ديمقراطية", "والديمقراطية"]),
        ("شبك", ["الشـــبكة", "الشبكة", "شبكة", "شبكات", "الشبكات"]),
        ("اتفاق", ["الإتفاقية", "الاتفاقية", "اتفاقية", "اتفاقيات"]),
        ("مسوول", ["المسؤولية", "مسؤولية", "والمسؤولية"]),
        ("موسس", ["المؤسسات", "للمؤسسات", "مؤسسة", "المؤسسة"]),
        ("اجتماع", ["الاجتماعي", "الاجتماعية", "اجتماعي", "الاجتماعيه"]),
        ("تشارك", ["التشاركية", "تشاركية", "التشاركي"]),
    ])
    func arabicFamiliesShareAStem(expected: String, words: [String]) {
        for word in words {
            // act
            let stem = ArabicText.stem(word)
            // assert
            #expect(stem == expected, "\(word)")
        }
    }

    @Test("a leading و is a conjunction only when a 3-letter stem remains", arguments: [
        ("وتعزيز", "تعزيز"),
        ("ودعم", "دعم"),
        ("وفعالة", "فعال"),
        ("وطني", "وطن"),          // root و: "طن" would be too short
        ("الوطني", "وطن"),
        ("الوطنية", "وطن"),
        ("وطنية", "وطن"),
        ("وفق", "وفق"),           // nothing long enough after it
        ("الوعي", "وع"),
        ("وعي", "وع"),
    ])
    func conjunctionWaw(word: String, expected: String) {
        // act
        let stem = ArabicText.stem(word)
        // assert
        #expect(stem == expected)
    }

    @Test("clitics and suffixes stay when too little of the word would remain", arguments: [
        ("بالغة", "بالغ"),        // "بال" + 2 letters: the letters are the word
        ("بالغ", "بالغ"),
        ("اليد", "يد"),           // the bare article needs only 2
        ("يد", "يد"),
        ("دين", "دين"),           // "ين" would leave 1 letter
        ("فيه", "في"),
        ("إلى", "ال"),            // nothing to strip as an article, so only the final ي goes
    ])
    func thresholds(word: String, expected: String) {
        // act
        let stem = ArabicText.stem(word)
        // assert
        #expect(stem == expected)
    }

    @Test("French and English plurals fold on words longer than 4 letters", arguments: [
        ("association", ["associations", "association", "Associations", "ASSOCIATION"]),
        ("economie", ["économie", "Économies", "ECONOMIE", "economie"]),
        ("solidaire", ["solidaire", "solidaires", "Solidaires"]),
        ("reseau", ["réseaux", "réseau"]),
        ("adresse", ["adresses", "adresse"]),
        ("prix", ["prix"]),
        ("pays", ["pays"]),
        ("process", ["process"]),
    ])
    func latinPlurals(expected: String, words: [String]) {
        for word in words {
            // act
            let stem = ArabicText.stem(word)
            // assert
            #expect(stem == expected, "\(word)")
        }
    }

    @Test("several words are stemmed one by one; other scripts are only normalised")
    func severalWordsAndOtherScripts() {
        // act
        let phrase = ArabicText.stem("الاقتصاد التضامني")
        let elided = ArabicText.stem("l'économie")
        let greek = ArabicText.stem("Δήμος")
        // assert
        #expect(phrase == "اقتصاد تضامن")
        #expect(elided == "l economie")
        #expect(greek == "δημος")
    }
}
