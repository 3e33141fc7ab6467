import Foundation

/// Where the binary finds its `Resources/` (catalogs, templates, reference data) and `Public/` folders.
///
/// In order: `SHABAKA_HOME`; the folder of the executable or one of its parents (a checkout running
/// `.build/debug/shabaka`, or an install with `Resources/` beside `bin/`); the working directory. So the
/// binary works from any directory, `shabaka pb tally FILE` from `/tmp` included.
public enum ShabakaHome {
    /// The folder holding `Resources/Locales`, or nil when none of the places has it.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String? = Bundle.main.executablePath,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> String? {
        if let home = environment["SHABAKA_HOME"], !home.isEmpty {
            guard hasResources(home) else {
                throw ConfigurationError(problems: ["SHABAKA_HOME must be a folder holding Resources/Locales (got \(home))"])
            }
            return withSlash(home)
        }
        if let executable {
            var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            while true {
                if hasResources(folder.path) { return withSlash(folder.path) }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return hasResources(workingDirectory) ? withSlash(workingDirectory) : nil
    }

    static func hasResources(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: withSlash(folder) + "Resources/Locales/ar.json")
    }

    static func withSlash(_ path: String) -> String {
        path.hasSuffix("/") ? path : path + "/"
    }
}
