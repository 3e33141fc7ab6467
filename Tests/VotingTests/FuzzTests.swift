import Foundation
import Testing
@testable import Voting

/// Seeded random mutations of valid files: each one parses or throws a located error, never crashes.
@Suite("Mutation fuzzing of the reader")
struct FuzzTests {
    static let bases = [
        Fixtures.small,
        Fixtures.small.replacingOccurrences(of: "vote_type;approval", with: "vote_type;cumulative")
            .replacingOccurrences(of: "voter_id;vote\n", with: "voter_id;vote;points\n")
            .replacingOccurrences(of: "v1;1,2\n", with: "v1;1,2;3,2\n")
            .replacingOccurrences(of: "v2;2\n", with: "v2;2;5\n")
            .replacingOccurrences(of: "v3;1,3\n", with: "v3;1,3;1,4\n")
            .replacingOccurrences(of: "v4;3", with: "v4;3;5"),
    ]

    static let alphabet: [Character] = [";", ",", "\"", "\n", "\r", "0", "7", "a", " ", "-", ".", "\u{FEFF}", "é"]

    static func mutate(_ text: String, random: inout TestRandom) -> String {
        var characters = Array(text)
        var lines = text.components(separatedBy: "\n")
        switch random.below(6) {
        case 0 where !characters.isEmpty:
            characters.remove(at: random.below(characters.count))
        case 1:
            characters.insert(alphabet[random.below(alphabet.count)], at: random.below(characters.count + 1))
        case 2 where !characters.isEmpty:
            characters[random.below(characters.count)] = alphabet[random.below(alphabet.count)]
        case 3:
            lines.remove(at: random.below(lines.count))
            return lines.joined(separator: "\n")
        case 4:
            lines.insert(lines[random.below(lines.count)], at: random.below(lines.count + 1))
            return lines.joined(separator: "\n")
        default:
            lines.swapAt(random.below(lines.count), random.below(lines.count))
            return lines.joined(separator: "\n")
        }
        return String(characters)
    }

    @Test("400 mutated files either parse or fail with a line number", arguments: [UInt64(7), 2024])
    func mutatedFilesParseOrFailWithLine(seed: UInt64) {
        // setup
        var random = TestRandom(seed: seed)
        var rejected = 0
        for round in 0..<200 {
            var text = Self.bases[round % Self.bases.count]
            for _ in 0...random.below(3) { text = Self.mutate(text, random: &random) }
            let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
            // act
            do {
                let election = try PabulibReader.read(text: text)
                // assert
                let outcome = election.tally(.mes)
                #expect(outcome.totalCost <= election.budget)
                #expect(Greedy.tally(PBProfile(election)).totalCost <= election.budget)
            } catch let error as PabulibError {
                rejected += 1
                #expect(error.line > 0 && error.line <= max(lineCount, 1), "\(error) in:\n\(text)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        #expect(rejected > 50)
    }
}
