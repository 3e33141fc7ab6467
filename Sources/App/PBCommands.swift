import Vapor
import Voting

/// `shabaka pb tally FILE.pb --rule … [--utility …] [--format text|json] [--explain]`.
struct PBTallyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A Pabulib (.pb) file")
        var file: String
        @Option(name: "rule", help: "greedy | mes | mes-add1 | mes-add1-greedy (default mes-add1)")
        var rule: String?
        @Option(name: "utility", help: "cost | cardinality (default cost)")
        var utility: String?
        @Option(name: "format", help: "text | json (default text)")
        var format: String?
        @Flag(name: "explain", help: "Explain why each project was or was not funded")
        var explain: Bool
    }

    var help: String { "Tally a participatory-budgeting election from a Pabulib file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let output = try PBCommandLine.tally(
            path: signature.file, rule: signature.rule ?? "mes-add1", utility: signature.utility ?? "cost",
            format: signature.format ?? "text", explain: signature.explain)
        context.console.output(output.consoleText(), newLine: !output.hasSuffix("\n"))
    }
}

/// `shabaka pb check FILE.pb`: validates a file; exits non-zero naming the line and what was expected.
struct PBCheckCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A Pabulib (.pb) file")
        var file: String
    }

    var help: String { "Check that a Pabulib file is well-formed." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let report = PBCommandLine.check(path: signature.file)
        context.console.output(report.description.consoleText(), newLine: !report.description.hasSuffix("\n"))
        guard report.isValid else { throw PBFileInvalid() }
    }
}

struct PBFileInvalid: Error, CustomStringConvertible {
    var description: String { "the file is not a valid Pabulib file" }
}

struct PBCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["tally": PBTallyCommand(), "check": PBCheckCommand()] }
    var help: String { "Participatory budgeting: tally and check Pabulib files." }
}
