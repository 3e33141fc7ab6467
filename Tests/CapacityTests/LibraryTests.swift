import Capacity
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// The resource library: a document over the limit or of a refused type gets a clear error on its field and
/// leaves nothing behind (no resource, no attachment row, no file); a good one is stored with its resource and
/// found by an Arabic search with another form of the word.
@Suite("Resource library")
struct LibraryTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    @Test func aRefusedUploadLeavesNothingBehindAndAGoodOneIsFoundBySearch() async throws {
        let folder = NSTemporaryDirectory() + "shabaka-library-" + UUID().uuidString
        try await withShabaka(demo: true, clock: ManualClock(march2026),
                              adjust: { $0.filesDirectory = folder; $0.maxUploadBytes = 4096 }) { app in
            let world = try await CapacityWorld.make(app)
            let rep = Browser(app)
            try await signIn(rep, email: CapacityWorld.representative)
            func post(_ name: String, _ data: Data, title: String = "دليل الجمعيات في التسيير المالي") async throws
                -> TestingHTTPResponse
            {
                _ = try await rep.get("/ar/resources/new")
                var (headers, body) = multipartBody([("_csrf", rep.csrf ?? ""), ("title", title),
                                                     ("description", "نماذج وجداول"), ("language", "ar"),
                                                     ("domain_code", "sse.finance"), ("url", "")],
                                                    file: (name, data))
                headers.replaceOrAdd(name: .cookie, value: rep.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
                return try await rep.send(.POST, "/ar/resources", headers: headers, body: body)
            }
            let before = try await LibraryResource.query(on: app.db).count()

            let tooBig = try await post("guide.pdf", Self.pdf + Data(repeating: 0x20, count: 5000))
            let html = try await post("guide.pdf", Data("<html><script>alert(1)</script></html>".utf8))
            // the form comes back with the error on the file field and the texts kept
            #expect(tooBig.status == .unprocessableEntity && html.status == .unprocessableEntity)
            #expect(tooBig.body.string.contains(#"id="file-error""#) && tooBig.body.string.contains("دليل الجمعيات في التسيير المالي"))
            #expect(html.body.string.contains(#"aria-invalid="true""#))
            // the API says the same with the field's name
            let token = try await world.client.token(CapacityWorld.representative)
            var (headers, body) = multipartBody([("title", "x"), ("domain_code", "sse.finance")],
                                                file: ("x.pdf", Data("MZ\u{90}\u{0}".utf8)))
            headers.replaceOrAdd(name: .authorization, value: "Bearer \(token)")
            let api = try await app.testing().sendRequest(.POST, "/api/v1/resources", headers: headers, body: body)
            #expect(try api.status == .unprocessableEntity && api.decoded(TestProblem.self).errors.map(\.field) == ["file"])
            // nothing behind
            #expect(try await LibraryResource.query(on: app.db).count() == before)
            #expect(try await Attachment.query(on: app.db).filter(\.$ownerType == "resource").count() == 0)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).isEmpty)

            // a good one is stored with its document and found by another form of the words
            let good = try await post("guide.pdf", Self.pdf)
            #expect(good.status == .seeOther)
            #expect(try await Attachment.query(on: app.db).filter(\.$ownerType == "resource").count() == 1)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).count == 1)
            let found = try await world.api(.GET, "/api/v1/resources?q=" + "جمعية".addingPercentEncoding(
                withAllowedCharacters: .alphanumerics)!, as: nil)
            struct Line: Decodable { let title: String; let file_url: String? }
            struct Page: Decodable { let items: [Line] }
            let lines = try found.decoded(Page.self).items
            #expect(lines.contains { $0.title == "دليل الجمعيات في التسيير المالي" && $0.file_url != nil })
            let page = try await rep.get("/ar/resources?q=" + "التسيير".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(page.body.string.contains("دليل الجمعيات في التسيير المالي"))
            // a citizen does not add to the library
            let citizen = try await world.api(.POST, "/api/v1/resources", as: CapacityWorld.citizen(0),
                                              json: #"{"title": "x", "domain_code": "sse.finance", "url": "https://example.org"}"#)
            #expect(citizen.status == .forbidden)
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
