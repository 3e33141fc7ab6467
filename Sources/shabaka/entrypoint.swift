import App
import Logging
import Platform
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let config: ShabakaConfig
        let home: String?
        do {
            config = try ShabakaConfig.fromEnvironment()
            home = try ShabakaHome.locate()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
        let app = try await Application.make(env)
        if let home { app.directory = DirectoryConfiguration(workingDirectory: home) }
        do {
            let options = StartOptions.forCommand(env.arguments, config: config)
            try await configure(app, config: config, options: options)
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            exit(1)
        }
        do {
            try await app.execute()
        } catch {
            // The command has already printed its error.
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
