import Directory
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Exports are safe to open and streamed; searches are bounded")
struct ExportSafetyTests {
    @Test func anOrganisationNamedLikeAFormulaIsExportedAsTextAndReimportedAsItWas() async throws {
        try await withShabaka { app in
            // setup
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("formula-\(UUID().uuidString).csv")
            try """
            slug,kind,name_ar,name_fr,name_en
            formula-one,association,جمعية,"=HYPERLINK(""http://evil.example"",""click"")",@SUM(1+1)
            """.write(to: file, atomically: true, encoding: .utf8)
            #expect(await runCommand(app, ["import", "organizations", file.path]).error == nil)

            // act
            let csv = try await app.testing().sendRequest(.GET, "/api/v1/organizations/export.csv").body.string

            // assert: each formula cell starts with an apostrophe, so spreadsheets show it as text
            let line = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("formula-one,") })
            #expect(line.contains(#""'=HYPERLINK(""http://evil.example"",""click"")""#))
            #expect(line.contains(",'@SUM(1+1),"))
            #expect(!line.contains(",=") && !line.contains(",@") && !line.contains(#","=HYPERLINK"#))

            // act: the export, imported elsewhere, gives back the same names
            try await Organization.query(on: app.db).filter(\.$slug == "formula-one").delete()
            let again = FileManager.default.temporaryDirectory.appendingPathComponent("again-\(UUID().uuidString).csv")
            try csv.write(to: again, atomically: true, encoding: .utf8)
            #expect(await runCommand(app, ["import", "organizations", again.path]).error == nil)
            let restored = try #require(try await Organization.query(on: app.db).filter(\.$slug == "formula-one").first())
            #expect(restored.name.fr == #"=HYPERLINK("http://evil.example","click")"#)
        }
    }

    @Test func theWholeDirectoryIsExportedInChunksWithNothingLost() async throws {
        try await withShabaka { app in
            // setup: more organisations than several export chunks
            #expect(await runCommand(app, ["seed-demo", "--organizations", "250", "--seed", "7"]).error == nil)
            let total = try await Organization.query(on: app.db).count()
            #expect(total >= 250)

            // act
            let csv = try await app.testing().sendRequest(.GET, "/api/v1/organizations/export.csv")

            // assert: the header and every organisation once
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(lines.count == total + 1)
            #expect(Set(lines.dropFirst().map { $0.prefix { $0 != "," } }).count == total)
        }
    }

    @Test func aSearchTextLongerThanTwoHundredCharactersIsAFieldError() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            let long = String(repeating: "ج", count: 201).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let longest = String(repeating: "ج", count: 200).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!

            // act
            let api = try await apiCall(app, .GET, "/api/v1/organizations?q=" + long, token: nil, language: "fr")
            let page = try await app.testing().sendRequest(.GET, "/ar/organizations?q=" + long)
            let experts = try await app.testing().sendRequest(.GET, "/en/experts?q=" + long)
            let fine = try await apiCall(app, .GET, "/api/v1/organizations?q=" + longest, token: nil)

            // assert
            #expect(api.status == .unprocessableEntity && api.body.string.contains(#""field":"q""#))
            #expect(api.body.string.contains("200"))
            #expect(page.status == .unprocessableEntity && page.body.string.contains("200"))
            #expect(experts.status == .unprocessableEntity)
            #expect(fine.status == .ok)
        }
    }
}
