extension ArabicText {
    /// The text with every decimal digit, of any script, written as its ASCII digit ("١٢٣" and "۱۲۳" become
    /// "123"); everything else is left as it is. Phones in Arabic type Arabic-Indic digits into number fields.
    public static func latinDigits(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !scalar.isASCII, scalar.properties.generalCategory == .decimalNumber,
               let value = scalar.properties.numericValue, let digit = Unicode.Scalar(0x30 + UInt32(value)) {
                output.append(digit)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}
