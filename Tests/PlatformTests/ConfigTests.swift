import Platform
import Testing

@Suite("Configuration and language negotiation")
struct ConfigTests {
    @Test func defaultsToASQLiteFileAndDemoData() throws {
        let config = try ShabakaConfig.fromEnvironment([:])
        #expect(config.database == .sqlite(path: "./shabaka.sqlite"))
        #expect(config.loadDemoData)
        #expect(config.sendmailPath == nil)
    }

    @Test func databaseURLSelectsPostgreSQL() throws {
        let config = try ShabakaConfig.fromEnvironment(["DATABASE_URL": "postgres://u:p@127.0.0.1:5432/db", "SHABAKA_DEMO": "0"])
        #expect(config.database == .postgres(url: "postgres://u:p@127.0.0.1:5432/db"))
        #expect(!config.loadDemoData)
    }

    @Test func everyInvalidVariableIsListedAtOnce() {
        #expect(throws: ConfigurationError.self) {
            try ShabakaConfig.fromEnvironment(["DATABASE_URL": "mysql://x", "SHABAKA_DEMO": "maybe", "SHABAKA_BCRYPT_COST": "99"])
        }
        do {
            _ = try ShabakaConfig.fromEnvironment(["DATABASE_URL": "mysql://x", "SHABAKA_DEMO": "maybe"])
        } catch let error as ConfigurationError {
            #expect(error.problems.count == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [
        ("fr-FR,fr;q=0.9,en;q=0.8", SiteLanguage.fr), ("en-GB", .en), ("de, en;q=0.5", .en), ("de", .ar), ("", .ar),
        ("fr;q=0.2, ar;q=0.9", .ar), ("en;q=0, fr;q=0.1", .fr),
    ])
    func acceptLanguagePicksTheBestSiteLanguage(header: String, expected: SiteLanguage) {
        #expect(SiteLanguage.negotiate(header) == expected)
    }
}
