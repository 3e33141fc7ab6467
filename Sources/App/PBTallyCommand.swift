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
