import Fluent
import Foundation
import Platform
import Vapor

/// `shabaka import organizations FILE.csv`: all rows or none; prints every bad row and exits non-zero.
struct ImportOrganizationsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "CSV file with the columns listed in the README")
        var file: String
    }

    var help: String { "Import organisations from a CSV file (all rows or none)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let text = try? String(contentsOfFile: signature.file, encoding: .utf8) else {
            throw CommandUsageError("cannot read \(signature.file) as UTF-8 text")
        }
        let catalog = app.catalog
        let outcome = try await OrganizationImport.run(csv: text, actor: .system, on: app.db, now: app.clock.now()) {
            catalog.text($0, in: .en, arguments: $1)
        }
        app.directoryIndex.invalidate()
        switch outcome {
        case .imported(let count):
            context.console.print("imported \(count) organisations")
        case .rejected(let problems):
            for problem in problems {
                context.console.error("line \(problem.line), \(problem.field): \(problem.reason)")
            }
            throw CommandUsageError("nothing imported: \(problems.count) problem(s)")
        }
    }
}

struct ImportCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["organizations": ImportOrganizationsCommand()] }
    var help: String { "Import data from files." }
}

/// `shabaka export organizations [--format csv|json] [--output FILE]`.
struct ExportOrganizationsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "format", help: "csv (default) or json")
        var format: String?
        @Option(name: "output", help: "File to write (default: standard output)")
        var output: String?
    }

    var help: String { "Export every organisation as CSV or JSON." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let format = signature.format ?? "csv"
        guard ["csv", "json"].contains(format) else { throw CommandUsageError("--format must be csv or json") }
        let handle: FileHandle
        if let output = signature.output {
            guard FileManager.default.createFile(atPath: output, contents: nil) else {
                throw CommandUsageError("cannot write \(output)")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        } else {
            handle = FileHandle.standardOutput
        }
        defer { if signature.output != nil { try? handle.close() } }
        if format == "csv" {
            try await OrganizationExport.csv(OrganizationFilter(), index: app.directoryIndex, on: app.db) { text in
                try handle.write(contentsOf: Data(text.utf8))
            }
        } else {
            try await OrganizationExport.json(index: app.directoryIndex, on: app.db) { text in
                try handle.write(contentsOf: Data(text.utf8))
            }
        }
        if let output = signature.output { context.console.print("written \(output)") }
    }
}

struct ExportCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["organizations": ExportOrganizationsCommand()] }
    var help: String { "Export data." }
}

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
