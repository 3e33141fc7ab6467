import Foundation

/// The `pb` command line as pure functions, so the server app can wrap it in a Vapor command
/// (print the returned text, or the thrown error's description and exit non-zero).
///
/// ```
/// tally <file.pb> [--rule greedy|mes|mes-add1|mes-add1-greedy] [--utility cost|cardinality]
///                 [--format text|json] [--explain]
/// check <file.pb>
/// ```
public enum PBCommandLine {
    /// Output formats of ``tally(fileContents:rule:utility:format:explain:)``.
    public enum Format: String, Sendable, CaseIterable {
        /// A human-readable table.
        case text
        /// `{"rule":…,"selected":[…],"total_cost":…,"per_voter_budget":…}` (+ `"explanations"`).
        case json
    }

    /// Tallies a Pabulib file given as text.
    ///
    /// JSON output is exactly `{"rule", "selected", "total_cost", "per_voter_budget"}` (plus
    /// `"explanations"` when `explain` is set). `selected` lists ids in funding order.
    /// `per_voter_budget` is null for greedy; otherwise the share each voter held in the final
    /// MES run: an integer when whole (662 for Świecie under mes-add1), else budget / voters
    /// written with 6 decimals, rounded towards zero (plain `mes` uses that exact fraction).
    /// - Throws: ``PabulibError`` for a malformed file, ``VotingError`` for a bad argument.
    public static func tally(
        fileContents: String, rule: String, utility: String = "cost", format: String = "text",
        explain: Bool = false
    ) throws -> String {
        let (rule, utility, format) = try parse(rule: rule, utility: utility, format: format)
        let election = try PabulibReader.read(text: fileContents)
        let outcome = election.tally(rule, utility: utility)
        return switch format {
        case .json: try json(outcome, explain: explain)
        case .text: text(outcome, election: election, explain: explain)
        }
    }

    /// Tallies the Pabulib file at `path`; see ``tally(fileContents:rule:utility:format:explain:)``.
    public static func tally(
        path: String, rule: String, utility: String = "cost", format: String = "text", explain: Bool = false
    ) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VotingError.unreadableFile(path: path)
        }
        let (parsedRule, parsedUtility, parsedFormat) = try parse(rule: rule, utility: utility, format: format)
        let election = try PabulibReader.read(data: data)
        let outcome = election.tally(parsedRule, utility: parsedUtility)
        return switch parsedFormat {
        case .json: try json(outcome, explain: explain)
        case .text: text(outcome, election: election, explain: explain)
        }
    }

    /// Checks the Pabulib file at `path` without tallying it.
    public static func check(path: String) -> PBCheckReport {
        do {
            return PBCheckReport(election: try PabulibReader.read(contentsOf: path))
        } catch let error as PabulibError {
            return PBCheckReport(error: error)
        } catch {
            return PBCheckReport(error: PabulibError(code: "unreadable", line: 0,
                expected: "a readable file at \(path)"))
        }
    }

    /// Checks a Pabulib file given as text.
    public static func check(fileContents: String) -> PBCheckReport {
        do {
            return PBCheckReport(election: try PabulibReader.read(text: fileContents))
        } catch {
            return PBCheckReport(error: error as? PabulibError
                ?? PabulibError(code: "unreadable", line: 0, expected: "a Pabulib file"))
        }
    }

    static func parse(rule: String, utility: String, format: String) throws -> (PBRule, PBUtility, Format) {
        guard let parsedRule = PBRule(rawValue: rule) else { throw VotingError.unknownRule(rule) }
        guard let parsedUtility = PBUtility(rawValue: utility) else { throw VotingError.unknownUtility(utility) }
        guard let parsedFormat = Format(rawValue: format) else { throw VotingError.unknownFormat(format) }
        return (parsedRule, parsedUtility, parsedFormat)
    }
}
