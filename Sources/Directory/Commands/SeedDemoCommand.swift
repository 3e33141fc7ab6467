import Fluent
import Foundation
import Platform
import Vapor

/// `shabaka seed-demo --organizations N`: a realistic large directory, for benchmarks.
struct SeedDemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "organizations", help: "How many associations to generate (default 1000)")
        var organizations: Int?
        @Option(name: "seed", help: "Random seed (default 1)")
        var seed: Int?
    }

    var help: String { "Generate a large, realistic directory of associations for benchmarks." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let count = signature.organizations ?? 1000
        guard (1...1_000_000).contains(count) else { throw CommandUsageError("--organizations must be 1…1000000") }
        let app = context.application
        let started = Date()
        try await DirectorySeeder.seed(count: count, seed: UInt64(signature.seed ?? 1), on: app.db, now: app.clock.now()) {
            done in context.console.print("  \(done)/\(count) organisations")
        }
        app.directoryIndex.invalidate()
        context.console.print(String(format: "seeded %d organisations in %.1f s", count, Date().timeIntervalSince(started)))
    }
}
