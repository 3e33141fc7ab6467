import Fluent
import Foundation
import Platform
import Vapor

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
