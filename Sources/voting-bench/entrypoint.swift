import Foundation
import Voting

/// `voting-bench`: times Shabaka's rules for `scripts/bench-voting`; prints one JSON object.
///
/// ```
/// voting-bench file <file.pb> <rule> [repeats]   rule: greedy, mes, mes-add1, mes-add1-greedy,
///                                                pabutools-mes, pabutools-add1 (cost utility)
/// voting-bench synthetic [voters] [projects] [seed]
/// ```
@main
struct VotingBench {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "file" where arguments.count >= 3:
            let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
            try timeFile(arguments[1], rule: arguments[2], repeats: repeats)
        case "synthetic":
            let number = { (index: Int, fallback: Int) in
                arguments.count > index ? Int(arguments[index]) ?? fallback : fallback
            }
            timeSynthetic(voters: number(1, 100_000), projects: number(2, 150), seed: UInt64(number(3, 2024)))
        default:
            print("usage: voting-bench file <file.pb> <rule> [repeats] | synthetic [voters] [projects] [seed]")
            exit(64)
        }
    }

    static func timeFile(_ path: String, rule: String, repeats: Int) throws {
        let parseStart = Date()
        let profile = PBProfile(try PabulibReader.read(contentsOf: path))
        let parseSeconds = Date().timeIntervalSince(parseStart)
        let tally: () -> PBOutcome = switch rule {
        case "pabutools-mes": { EqualShares.plain(profile, utility: .cost, tieBreaking: .lexicographic) }
        case "pabutools-add1": { EqualShares.pabutoolsAdd1(profile, utility: .cost) }
        default: { profile.tally(PBRule(rawValue: rule) ?? .greedy) }
        }
        let (seconds, outcome) = best(of: repeats, tally)
        report(["seconds": seconds, "parse_seconds": parseSeconds, "selected": outcome.selected.sorted(),
                "per_voter_budget": outcome.perVoterBudget?.decimalString() ?? "null"])
    }

    static func timeSynthetic(voters: Int, projects: Int, seed: UInt64) {
        let generateStart = Date()
        let profile = SyntheticElection(voters: voters, projects: projects, seed: seed).profile()
        let generateSeconds = Date().timeIntervalSince(generateStart)
        let (seconds, outcome) = best(of: 3) { EqualShares.add1(profile) }
        report(["seconds": seconds, "generate_seconds": generateSeconds, "voters": voters, "projects": projects,
                "seed": Int(seed), "funded": outcome.selected.count,
                "per_voter_budget": outcome.perVoterBudget?.decimalString() ?? "null",
                "initial_share": Int(profile.budget) / max(voters, 1)])
    }

    /// The fastest of `repeats` runs: the least disturbed by the other core's load.
    static func best(of repeats: Int, _ body: () -> PBOutcome) -> (Double, PBOutcome) {
        var fastest = Double.infinity
        var outcome: PBOutcome?
        for _ in 0..<max(repeats, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            outcome = body()
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (fastest, outcome!)
    }

    static func report(_ fields: [String: Any]) {
        let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        print(String(decoding: data ?? Data(), as: UTF8.self))
    }
}
