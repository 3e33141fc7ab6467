import Foundation

/// Reads Pabulib files (<https://pabulib.org/format>) into ``PabulibElection`` values.
///
/// Lenient where real files are: `country`, `unit`, `instance` and `description` may be missing
/// from `META`, lines may end in CRLF, the file may start with a UTF-8 byte-order mark and blank
/// lines are ignored. Strict where the rules depend on it: `num_projects`, `num_votes`, `budget`
/// and `vote_type` are required and checked, every vote must name known projects exactly once.
public enum PabulibReader {
    /// Reads the file at `path`.
    /// - Throws: ``PabulibError`` for a malformed file, ``VotingError/unreadableFile(path:)``.
    public static func read(contentsOf path: String) throws -> PabulibElection {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VotingError.unreadableFile(path: path)
        }
        return try read(data: data)
    }

    /// Reads a file from its bytes, which must be UTF-8 (with or without BOM).
    /// - Throws: ``PabulibError``, with the line of the first invalid byte for bad UTF-8.
    public static func read(data: Data) throws -> PabulibElection {
        guard let text = String(data: data, encoding: .utf8) else {
            throw PabulibError(code: "invalid_utf8", line: firstInvalidUTF8Line(data), expected: "UTF-8 text")
        }
        return try read(text: text)
    }

    /// Reads a file from its text.
    /// - Throws: ``PabulibError`` naming the line and what was expected there.
    public static func read(text: String) throws -> PabulibElection {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // `\r\n` is one Character in Swift, so `isNewline` splits CRLF and LF files alike.
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var parser = SectionParser(lineCount: lines.count)
        for (offset, line) in lines.enumerated() {
            try parser.consume(line, number: offset + 1)
        }
        return try parser.finish()
    }

    private static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(data: data[start..<end], encoding: .utf8) == nil { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return max(line - 1, 1)
    }
}
