import Fluent
import Platform
import Vapor

/// `shabaka participation tick`: publishes every answer whose day has come and tells followers of the phases that
/// began (cron-friendly; `serve` also does it every ten minutes). `shabaka participation seed-bench --proposals N --comments M`: a large
/// process for benchmarks (see `scripts/bench-participation`). `seed-election --voters N`: an open election and N voters
/// with API tokens (see `scripts/bench-ballots` and `scripts/crash-ballots`).
struct ParticipationCommands: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "tick | seed-bench | seed-election")
        var action: String
        @Option(name: "proposals", help: "seed-bench: proposals in the process (default 10000)")
        var proposals: Int?
        @Option(name: "comments", help: "seed-bench: comments on one proposal (default 5000)")
        var comments: Int?
        @Option(name: "voters", help: "seed-election: voter accounts, each with a token (default 1000)")
        var voters: Int?
    }

    var help: String {
        "Participation room tasks: `tick` publishes due answers and announces phases; `seed-bench` a large process for benchmarks."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        switch signature.action {
        case "tick":
            let count = try await AnswerService.publishDue(on: app.db, now: app.clock.now(), messaging: app.messaging)
            let phases = try await ProcessService.announcePhases(on: app.db, now: app.clock.now(), messaging: app.messaging)
            context.console.print("published \(count) answer\(count == 1 ? "" : "s"), announced \(phases) phase\(phases == 1 ? "" : "s")")
        case "seed-bench":
            let proposals = signature.proposals ?? 10_000
            let comments = signature.comments ?? 5_000
            guard (1...1_000_000).contains(proposals), (0...1_000_000).contains(comments) else {
                throw CommandUsageError("--proposals must be 1…1000000 and --comments 0…1000000")
            }
            let started = Date()
            let seeded = try await ParticipationSeeder.seed(proposals: proposals, comments: comments, on: app.db,
                                                            now: app.clock.now()) { context.console.print("  \($0)") }
            context.console.print(String(format: "seeded %d proposals and %d comments in %.1f s", proposals, comments,
                                         Date().timeIntervalSince(started)))
            // What the benchmark script reads: the process, the long thread, and a signed-in reader's token.
            context.console.print("process=\(seeded.processSlug)")
            context.console.print("thread=\(seeded.threadID.uuidString)")
            context.console.print("token=\(seeded.token)")
        case "seed-election":
            let voters = signature.voters ?? 1000
            guard (1...100_000).contains(voters) else { throw CommandUsageError("--voters must be 1…100000") }
            let seeded = try await ElectionSeeder.seed(voters: voters, on: app.db, now: app.clock.now())
            // What the ballot benchmark and the crash test read.
            context.console.print("election=\(seeded.electionID.uuidString)")
            context.console.print("budget=\(seeded.budgetID.uuidString)")
            for token in seeded.tokens { context.console.print("token=\(token)") }
        default:
            throw CommandUsageError("unknown action \(signature.action); use: tick, seed-bench, seed-election")
        }
    }
}

/// Publishes due answers and announces phases every ten minutes while the server runs.
public enum ParticipationWorker {
    public static let worker = PeriodicWorker("participation tick", every: .seconds(600)) { app in
        _ = try await AnswerService.publishDue(on: app.db, now: app.clock.now(), messaging: app.messaging)
        _ = try await ProcessService.announcePhases(on: app.db, now: app.clock.now(), messaging: app.messaging)
    }
}
