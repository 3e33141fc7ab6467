import ConsoleKit
import Foundation
import NIOConcurrencyHelpers
import VaporTesting

/// A console that records what a command prints.
public final class CapturingConsole: Console {
    private let box = NIOLockedValueBox<(text: String, info: [AnySendableHashable: any Sendable])>(("", [:]))

    public init() {}

    public var output: String { box.withLockedValue { $0.text } }
    public var size: (width: Int, height: Int) { (120, 40) }
    public var userInfo: [AnySendableHashable: any Sendable] {
        get { box.withLockedValue { $0.info } }
        set { box.withLockedValue { $0.info = newValue } }
    }

    public func input(isSecure: Bool) -> String { "" }
    public func output(_ text: ConsoleText, newLine: Bool) {
        box.withLockedValue { $0.text += text.description + (newLine ? "\n" : "") }
    }
    public func clear(_ type: ConsoleClear) {}
    public func report(error: String, newLine: Bool) {
        box.withLockedValue { $0.text += error + (newLine ? "\n" : "") }
    }
}

/// Runs a registered CLI command (`["audit", "verify"]`) against the app; returns its output and error.
public func runCommand(_ app: Application, _ arguments: [String]) async -> (output: String, error: (any Error)?) {
    let console = CapturingConsole()
    let group = app.asyncCommands.group()
    var context = CommandContext(console: console, input: CommandInput(arguments: ["shabaka"] + arguments))
    context.application = app
    do {
        try await console.run(group, with: context)
        return (console.output, nil)
    } catch {
        return (console.output, error)
    }
}
