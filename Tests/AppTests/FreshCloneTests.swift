import Foundation
import Platform
import ShabakaTestSupport
import Testing

/// The binary works from any directory: it finds its `Resources/` next to itself (or through SHABAKA_HOME),
/// and commands that print no translated text run without them.
@Suite("The binary from any directory")
struct FreshCloneTests {
    /// The `shabaka` executable `swift test` builds beside the test bundle.
    static var binary: URL {
        URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("shabaka")
    }

    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws
        -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SHABAKA_") && $0.key != "DATABASE_URL" }
        env.merge(environment) { $1 }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func pbTallyRunsFromAnEmptyFolder() throws {
        // setup
        let folder = try Self.emptyFolder()
        let file = repositoryRoot + "Tests/Fixtures/pabulib/poland_swiecie_2023_.pb"
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the shabaka product first")

        // act
        let result = try Self.run(["pb", "tally", file, "--rule", "greedy", "--format", "json"], in: folder)

        // assert: the tally, and no database file left behind in the folder
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(#""rule":"greedy""#) || result.output.contains(#""rule" : "greedy""#))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func serveCommandsFindTheirResourcesBesideTheBinary() throws {
        // setup
        let folder = try Self.emptyFolder()

        // act: a command that migrates and reads the catalogs, from a folder with no Resources/
        let result = try Self.run(["audit", "verify"], in: folder, environment: ["SHABAKA_DB": folder.path + "/x.sqlite"])

        // assert
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("audit log intact"))
    }

    @Test func homeIsFoundFromTheEnvironmentTheExecutableOrTheWorkingDirectory() throws {
        // setup
        let elsewhere = try Self.emptyFolder()
        let root = String(repositoryRoot.dropLast())

        // act + assert
        #expect(try ShabakaHome.locate(environment: ["SHABAKA_HOME": root], executable: nil,
                                       workingDirectory: elsewhere.path) == root + "/")
        #expect(throws: ConfigurationError.self) {
            try ShabakaHome.locate(environment: ["SHABAKA_HOME": elsewhere.path], executable: nil,
                                   workingDirectory: root)
        }
        #expect(try ShabakaHome.locate(environment: [:], executable: root + "/.build/debug/shabaka",
                                       workingDirectory: elsewhere.path) == root + "/")
        #expect(try ShabakaHome.locate(environment: [:], executable: elsewhere.path + "/shabaka",
                                       workingDirectory: root) == root + "/")
        #expect(try ShabakaHome.locate(environment: [:], executable: elsewhere.path + "/shabaka",
                                       workingDirectory: elsewhere.path) == nil)
    }
}
