import Vapor
import Voting

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
