import Foundation

extension PabulibReader {
    /// Splits a line on `;`, honouring double-quoted fields in which `""` stands for one quote.
    static func fields(of line: Substring, number: Int) throws -> [String] {
        var result: [String] = []
        var current = ""
        var index = line.startIndex
        var fieldStart = true
        while index < line.endIndex {
            let character = line[index]
            if fieldStart && character == "\"" {
                index = try quotedField(line, from: line.index(after: index), into: &current, number: number)
                guard index == line.endIndex || line[index] == ";" else {
                    throw PabulibError(code: "bad_quote", line: number,
                        expected: "';' or end of line after a closing quote")
                }
                fieldStart = false
                continue
            }
            if character == ";" {
                result.append(current)
                current = ""
                fieldStart = true
            } else {
                current.append(character)
                fieldStart = false
            }
            index = line.index(after: index)
        }
        result.append(current)
        return result
    }

    private static func quotedField(
        _ line: Substring, from start: Substring.Index, into field: inout String, number: Int
    ) throws -> Substring.Index {
        var index = start
        while index < line.endIndex {
            let character = line[index]
            let next = line.index(after: index)
            if character == "\"" {
                guard next < line.endIndex, line[next] == "\"" else { return next }
                field.append("\"")
                index = line.index(after: next)
            } else {
                field.append(character)
                index = next
            }
        }
        throw PabulibError(code: "unterminated_quote", line: number, expected: "a closing '\"' before the end of line")
    }

    /// Parses a non-negative whole amount; `12.00` is accepted because some exports add decimals.
    static func amount(_ text: String, line: Int, what: String) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var integerPart = Substring(trimmed)
        if let dot = trimmed.firstIndex(of: ".") {
            let fraction = trimmed[trimmed.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else {
                throw PabulibError(code: "bad_amount", line: line,
                    expected: "\(what) as a whole number, got '\(text)'")
            }
            integerPart = trimmed[..<dot]
        }
        guard !integerPart.isEmpty, integerPart.allSatisfy(\.isASCIIDigit), let value = Int64(integerPart),
              value <= maximumAmount else {
            throw PabulibError(code: "bad_amount", line: line, expected: "\(what) as a whole number, got '\(text)'")
        }
        return value
    }

    /// Caps amounts so that every exact product the rules form fits in 128 bits.
    static let maximumAmount: Int64 = 1 << 50
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
