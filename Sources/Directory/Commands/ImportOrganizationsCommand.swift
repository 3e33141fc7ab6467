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
