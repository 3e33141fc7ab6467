extension PBCommandLine {
    /// Runs a whole command line (`["tally", "file.pb", "--rule", "mes-add1", …]` or
    /// `["check", "file.pb"]`), for wrappers that pass arguments through.
    /// - Returns: the exit status (0 on success) and the text to print.
    public static func run(arguments: [String]) -> (status: Int32, output: String) {
        guard let command = arguments.first, arguments.count >= 2 else { return (64, usage) }
        let path = arguments[1]
        var options: [String: String] = [:]
        var explain = false
        var rest = arguments.dropFirst(2)
        while let option = rest.popFirst() {
            if option == "--explain" {
                explain = true
            } else if option.hasPrefix("--"), let value = rest.popFirst() {
                options[String(option.dropFirst(2))] = value
            } else {
                return (64, usage)
            }
        }
        switch command {
        case "check":
            let report = check(path: path)
            return (report.isValid ? 0 : 1, report.description)
        case "tally":
            do {
                let output = try tally(
                    path: path, rule: options["rule"] ?? "mes-add1", utility: options["utility"] ?? "cost",
                    format: options["format"] ?? "text", explain: explain)
                return (0, output)
            } catch {
                return (1, "error: \(error)")
            }
        default:
            return (64, usage)
        }
    }

    /// The usage text.
    public static let usage = """
        usage: tally <file.pb> [--rule greedy|mes|mes-add1|mes-add1-greedy] [--utility cost|cardinality]
                               [--format text|json] [--explain]
               check <file.pb>
        """
}
