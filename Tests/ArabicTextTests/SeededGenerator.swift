/// SplitMix64: a tiny deterministic generator so property tests replay the same cases on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

extension SeededGenerator {
    /// Scalars that exercise every rule of normalisation: the whole Arabic block (letters, tashkeel, Quranic
    /// marks, digits, punctuation), Latin with precomposed and combining accents, ligatures, invisible
    /// format characters, spaces, and Hangul jamo (which NFC would compose across a dropped character).
    static let alphabet: [Unicode.Scalar] = {
        var values = Array(0x0600...0x06FF) + Array(0x0041...0x007E) + Array(0x00C0...0x00FF)
        values += [0x0152, 0x0153, 0x0130, 0x0131, 0x0301, 0x0308, 0x00A0, 0x200C, 0x200E, 0x200F, 0xFEFB, 0xFDF2]
        values += [0x0020, 0x0020, 0x0020, 0x0009, 0x000A, 0x1100, 0x1161, 0x11A8, 0xFB50, 0xFE8D, 0xFF21]
        return values.compactMap(Unicode.Scalar.init)
    }()

    /// A random string of up to `maximumLength` scalars from ``alphabet``.
    mutating func text(maximumLength: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maximumLength, using: &self) {
            scalars.append(Self.alphabet.randomElement(using: &self)!)
        }
        return String(scalars)
    }

    /// A random Arabic word of `length` base letters, none of them a clitic letter at the start.
    mutating func arabicWord(length: Int) -> String {
        let letters = Array("ثجحخدذرزسشصضطظعغقمنهيتةى".unicodeScalars)
        let starters = Array("ثجحخدذرزسشصضطظعغقمنت".unicodeScalars)
        var scalars = String.UnicodeScalarView([starters.randomElement(using: &self)!])
        for _ in 1..<length {
            scalars.append(letters.randomElement(using: &self)!)
        }
        return String(scalars)
    }
}
