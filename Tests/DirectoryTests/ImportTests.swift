import Directory
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("CSV import and export of organisations")
struct ImportTests {
    static let header = "slug,kind,name_ar,name_fr,name_en,wilaya_code,email,accreditation_date,domains"

    static let threeBadRows = """
    \(header)
    assoc-one,association,جمعية الأولى,Association une,,16,contact@one.dz,2019-02-01,sse.crafts
    Bad Slug!,association,جمعية,,,16,,,
    assoc-three,club,جمعية الثالثة,,,16,,,
    assoc-four,association,جمعية الرابعة,,,99,not-an-email,2019-02-30,sse.unknown
    assoc-five,association,,Association cinq,,05,,,sse.agriculture|sse.women
    """

    @Test func aFileWithThreeBadRowsImportsNothingAndReportsAllThree() async throws {
        // setup
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv")
        try Self.threeBadRows.write(to: file, atomically: true, encoding: .utf8)
        try await withShabaka { app in
            let before = try await Organization.query(on: app.db).count()

            // act
            let result = await runCommand(app, ["import", "organizations", file.path])

            // assert
            #expect(result.error != nil)
            #expect(try await Organization.query(on: app.db).count() == before)
            #expect(result.output.contains("line 3, slug:"))
            #expect(result.output.contains("line 4, kind:"))
            #expect(result.output.contains("line 5, wilaya_code:"))
            #expect(result.output.contains("line 5, email:"))
            #expect(result.output.contains("line 5, accreditation_date:"))
            #expect(result.output.contains("line 5, domains:"))
            #expect(!result.output.contains("line 2") && !result.output.contains("line 6"))
        }
    }

    @Test func aGoodFileImportsEveryRowSearchableAndExportsBack() async throws {
        try await withShabaka { app in
            // setup
            let good = """
            \(Self.header)
            assoc-one,association,جمعية الأولى للتنمية,Association une,,16,contact@one.dz,2019-02-01,sse.crafts
            assoc-five,association,,Association cinq pour l'économie,,05,,,sse.agriculture|sse.women
            """
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("good-\(UUID().uuidString).csv")
            try good.write(to: file, atomically: true, encoding: .utf8)

            // act
            let result = await runCommand(app, ["import", "organizations", file.path])
            let search = try await app.testing().sendRequest(.GET, "/api/v1/organizations?q=%D8%AA%D9%86%D9%85%D9%8A%D8%A9")
            let csv = try await app.testing().sendRequest(.GET, "/api/v1/organizations/export.csv")

            // assert
            #expect(result.output.contains("imported 2 organisations"))
            #expect(search.body.string.contains("assoc-one"))
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.body.string.contains("assoc-five,association,,Association cinq pour l'économie"))
            #expect(csv.body.string.contains("sse.agriculture|sse.women"))
        }
    }

    @Test func theAdminImportPageReportsProblemsInTheReadersLanguage() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "admin@example.org", roles: [.admin])
            let browser = Browser(app)
            try await signIn(browser, email: "admin@example.org")
            try await browser.get("/fr/admin/organizations/import")

            // act
            let response = try await browser.post("/fr/admin/organizations/import", form: ["csv": Self.threeBadRows])

            // assert
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Rien n&#39;a été importé"))
            #expect(response.body.string.contains("Choisissez l&#39;une des valeurs proposées."))
            #expect(try await Organization.query(on: app.db).count() == 0)
        }
    }
}
