import Foundation
import Testing
@testable import Voting

/// Malformed files are rejected with the line at fault and what was expected there.
@Suite("Malformed Pabulib files")
struct MalformedFileTests {
    struct Variant: CustomTestStringConvertible, Sendable {
        var name: String
        var edit: @Sendable ([String]) -> [String]
        var line: Int
        var code: String
        var testDescription: String { name }
    }

    static func replacing(_ line: Int, with text: String) -> @Sendable ([String]) -> [String] {
        { lines in var copy = lines; copy[line - 1] = text; return copy }
    }

    static let variants: [Variant] = [
        Variant(name: "empty file", edit: { _ in [""] }, line: 1, code: "missing_section"),
        Variant(name: "no META", edit: { Array($0.dropFirst(10)) }, line: 1, code: "missing_section"),
        Variant(name: "bad META header", edit: replacing(2, with: "key;val"), line: 2, code: "bad_header"),
        Variant(name: "budget not a number", edit: replacing(9, with: "budget;abc"), line: 9, code: "bad_amount"),
        Variant(name: "budget missing", edit: { lines in lines.filter { !$0.hasPrefix("budget") } },
                line: 9, code: "missing_meta_key"),
        Variant(name: "unknown vote_type", edit: replacing(10, with: "vote_type;preferential"),
                line: 10, code: "bad_vote_type"),
        Variant(name: "duplicate META key", edit: { var lines = $0; lines.insert("budget;200", at: 9); return lines },
                line: 10, code: "duplicate_meta_key"),
        Variant(name: "num_projects mismatch", edit: replacing(7, with: "num_projects;4"),
                line: 7, code: "count_mismatch"),
        Variant(name: "num_votes mismatch", edit: replacing(8, with: "num_votes;5"), line: 8, code: "count_mismatch"),
        Variant(name: "PROJECTS header without cost", edit: replacing(12, with: "project_id;price;name"),
                line: 12, code: "bad_header"),
        Variant(name: "project row too short", edit: replacing(13, with: "1;40"), line: 13, code: "field_count"),
        Variant(name: "cost in words", edit: replacing(13, with: "1;forty;Park"), line: 13, code: "bad_amount"),
        Variant(name: "negative cost", edit: replacing(13, with: "1;-5;Park"), line: 13, code: "bad_amount"),
        Variant(name: "fractional cost", edit: replacing(13, with: "1;40.5;Park"), line: 13, code: "bad_amount"),
        Variant(name: "duplicate project id", edit: replacing(15, with: "1;30;School"),
                line: 15, code: "duplicate_project"),
        Variant(name: "unterminated quote", edit: replacing(14, with: "2;50;\"Library; books"),
                line: 14, code: "unterminated_quote"),
        Variant(name: "text after closing quote", edit: replacing(14, with: "2;50;\"Library\"x"),
                line: 14, code: "bad_quote"),
        Variant(name: "VOTES header without vote", edit: replacing(17, with: "voter_id;ballot"),
                line: 17, code: "bad_header"),
        Variant(name: "vote for unknown project", edit: replacing(19, with: "v2;9"),
                line: 19, code: "unknown_project"),
        Variant(name: "project twice in a vote", edit: replacing(18, with: "v1;1,1"),
                line: 18, code: "duplicate_vote"),
        Variant(name: "duplicate voter id", edit: replacing(19, with: "v1;2"), line: 19, code: "bad_voter_id"),
        Variant(name: "VOTES section missing", edit: { Array($0.prefix(15)) }, line: 15, code: "missing_section"),
        Variant(name: "choose-1 with two projects", edit: replacing(10, with: "vote_type;choose-1"),
                line: 18, code: "bad_vote"),
        Variant(name: "cumulative without points", edit: replacing(10, with: "vote_type;cumulative"),
                line: 17, code: "bad_header"),
    ]

    @Test("each malformed variant is rejected at its line", arguments: variants)
    func malformedVariantIsRejected(variant: Variant) {
        // setup
        let text = variant.edit(Fixtures.small.components(separatedBy: "\n")).joined(separator: "\n")
        // act
        let error = #expect(throws: PabulibError.self) { try PabulibReader.read(text: text) }
        // assert
        #expect(error?.line == variant.line)
        #expect(error?.code == variant.code)
        #expect(error.map { "\($0)".hasPrefix("line \(variant.line): expected ") } == true)
    }

    @Test("invalid UTF-8 is reported at its line")
    func invalidUTF8IsReportedAtItsLine() {
        // setup
        var lines = Fixtures.small.components(separatedBy: "\n").map { Data($0.utf8) }
        lines[12] = Data([0x31, 0x3B, 0xFF, 0xFE, 0x3B, 0x50])
        let data = Data(lines.joined(separator: Data([0x0A])))
        // act
        let error = #expect(throws: PabulibError.self) { try PabulibReader.read(data: data) }
        // assert
        #expect(error?.line == 13)
        #expect(error?.code == "invalid_utf8")
    }

    @Test("the unchanged base file is valid")
    func baseFileIsValid() throws {
        // act
        let election = try PabulibReader.read(text: Fixtures.small)
        // assert
        #expect(election.projects.count == 3)
        #expect(election.projects[1].attributes["name"] == "Library; books")
    }
}
