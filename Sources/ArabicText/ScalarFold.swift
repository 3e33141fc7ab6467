/// What ``ArabicText/normalize(_:)`` does with one Unicode scalar, once the text is lowercased and in NFD.
enum ScalarFold: Equatable {
    case drop
    case separator
    case one(Unicode.Scalar)
    case two(Unicode.Scalar, Unicode.Scalar)

    init(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            self = Self.ascii(scalar)
        } else if let special = Self.special(scalar) {
            self = special
        } else {
            self = Self.byCategory(scalar)
        }
    }

    func append(to output: inout String.UnicodeScalarView) {
        switch self {
        case .drop, .separator:
            break
        case .one(let scalar):
            output.append(scalar)
        case .two(let first, let second):
            output.append(first)
            output.append(second)
        }
    }

    /// Fast path: the text is already lowercased, so ASCII is either a letter, a digit or a separator.
    private static func ascii(_ scalar: Unicode.Scalar) -> Self {
        switch scalar {
        case "a"..."z", "0"..."9":
            .one(scalar)
        default:
            .separator
        }
    }

    private static func special(_ scalar: Unicode.Scalar) -> Self? {
        switch scalar.value {
        // Tashkeel, superscript alef, Quranic annotation marks, tatweel: ornament, not spelling.
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0640:
            .drop
        // Alef wasla and the rarer wavy-hamza alefs; أ إ آ arrive here already split by NFD.
        case 0x0671...0x0673:
            .one("\u{0627}")
        // Alef maqsura and Persian yeh are written where ي is meant, and ئ arrives as ي + hamza mark.
        case 0x0649, 0x06CC:
            .one("\u{064A}")
        // Ta marbuta: "شبكة" is often typed "شبكه", and stemming treats both as the same suffix.
        case 0x0629:
            .one("\u{0647}")
        case 0x06A9:
            .one("\u{0643}")
        case 0x0153:
            .two("o", "e")
        case 0x00E6:
            .two("a", "e")
        case 0x00DF:
            .two("s", "s")
        case 0x00F8:
            .one("o")
        case 0x0111:
            .one("d")
        case 0x0142:
            .one("l")
        case 0x0131:
            .one("i")
        default:
            nil
        }
    }

    private static func byCategory(_ scalar: Unicode.Scalar) -> Self {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber:
            // Every script's decimal digits (٠–٩, ۰–۹, ०–९…) become the ASCII digit of the same value.
            guard let value = properties.numericValue, let digit = Unicode.Scalar(0x30 + UInt32(value)) else {
                return .separator
            }
            return .one(digit)
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .letterNumber, .otherNumber:
            return .one(scalar)
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            // Marks are accents and vowel signs split off by NFD; format characters are invisible.
            return .drop
        default:
            return .separator
        }
    }
}
