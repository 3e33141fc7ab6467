import Crypto
import Directory
import Fluent
import Foundation
import Insights
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// The open data: the archive and the command give the same files, twice the same bytes; the descriptor lists
/// every file with its size and hash; nothing personal is in it (the schema of every table is checked by
/// `scripts/check-open-data` with the Python `frictionless` package).
@Suite("Insights: open data")
struct OpenDataTests {
    @Test func theArchiveIsTheSameTwiceAndTheCommandWritesTheSameFiles() async throws {
        try await withShabaka(demo: true) { app in
            let first = try await app.testing().sendRequest(.GET, "/fr/open-data/shabaka-open-data.tar")
            #expect(first.status == .ok && first.headers.first(name: .contentType) == "application/x-tar")
            let second = try await app.testing().sendRequest(.GET, "/ar/open-data/shabaka-open-data.tar")
            #expect(Array(first.body.readableBytesView) == Array(second.body.readableBytesView))
            let archive = Array(first.body.readableBytesView)
            #expect(archive.count % 512 == 0 && archive.count > 10_240)

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("open-data-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let run = await runCommand(app, ["export", "open-data", folder.path])
            #expect(run.error == nil, "\(String(describing: run.error))")
            let files = try await OpenDataPackage.files(on: app.db, now: app.clock.now())
            #expect(OpenDataPackage.tar(files) == archive)
            for file in files {
                let written = try Data(contentsOf: folder.appendingPathComponent(file.path))
                #expect(Array(written) == file.bytes, "\(file.path)")
            }
            #expect(files.contains { $0.path == "csv/organizations.csv" } && files.contains { $0.path.hasPrefix("pabulib/") })
        }
    }

    @Test func theDescriptorListsEveryFileWithItsSizeAndHash() async throws {
        try await withShabaka(demo: true) { app in
            let files = try await OpenDataPackage.files(on: app.db, now: app.clock.now())
            let descriptor = try #require(files.first { $0.path == "datapackage.json" })
            let package = try JSONDecoder().decode(JSONValue.self, from: Data(descriptor.bytes))
            let resources = try #require(package["resources"]?.array)
            #expect(resources.count == files.count - 1)
            for file in files where file.path != "datapackage.json" {
                let resource = try #require(resources.first { $0["path"]?.string == file.path }, "\(file.path)")
                if !file.path.hasSuffix(".json") {
                    #expect(resource["bytes"] == .number(Double(file.bytes.count)))
                    let hash = SHA256.hash(data: file.bytes).map { String(format: "%02x", $0) }.joined()
                    #expect(resource["hash"]?.string == "sha256:" + hash)
                }
                if file.path.hasSuffix(".csv") {
                    // the header is the schema's fields, in order
                    let header = String(decoding: file.bytes, as: UTF8.self).components(separatedBy: "\r\n")[0]
                    let fields = resource["schema"]?["fields"]?.array?.compactMap { $0["name"]?.string } ?? []
                    #expect(header == fields.joined(separator: ","), "\(file.path)")
                }
            }
            // the organisations' rows are the verified ones
            let verified = try await Organization.query(on: app.db).filter(\.$verification == .verified).count()
            let csv = try #require(files.first { $0.path == "csv/organizations.csv" })
            let lines = String(decoding: csv.bytes, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == verified + 1)
        }
    }

    @Test func nothingPersonalIsExported() async throws {
        try await withShabaka(demo: true) { app in
            let organization = try #require(try await Organization.query(on: app.db).filter(\.$verification == .verified).first())
            organization.email = "private-contact@example.org"
            organization.phone = "+213 555 12 34 56"
            organization.address = "12 rue secrète"
            try await organization.save(on: app.db)
            try await makeUser(app, email: "someone.private@example.org", name: "Personne Privée")
            let text = try await OpenDataPackage.files(on: app.db, now: app.clock.now())
                .map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "\n")
            #expect(!text.contains("private-contact@example.org") && !text.contains("555 12 34") && !text.contains("rue secrète"))
            for user in try await User.query(on: app.db).all() {
                #expect(!text.contains(user.email), "an account's address is exported")
                #expect(!text.contains(user.passwordHash), "a password hash is exported")
            }
            #expect(!text.contains("Personne Privée"))
            // the page lists the files and links the archive, in each language
            for language in ["ar", "fr", "en"] {
                let page = try await app.testing().sendRequest(.GET, "/\(language)/open-data")
                #expect(page.status == .ok && page.body.string.contains("/\(language)/open-data/shabaka-open-data.tar"))
                #expect(page.body.string.contains("datapackage.json"))
            }
        }
    }
}
