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

    /// Whoever added a resource (or staff) changes it on its form and through the API: a new document replaces the
    /// old one (the old file is gone), a link without a document makes it a link; another association's
    /// representative may not; removing is confirmed first and takes the document with it.
    @Test func aResourceIsChangedAndRemovedByWhoAddedItOnly() async throws {
        let folder = NSTemporaryDirectory() + "shabaka-library-" + UUID().uuidString
        try await withShabaka(demo: true, clock: ManualClock(march2026), adjust: { $0.filesDirectory = folder }) { app in
            let world = try await CapacityWorld.make(app)
            _ = try await makeRepresentative(app, email: "other@example.org", of: "nour-women-ghardaia")
            struct Made: Decodable { let id: String; let title: String; let url: String?; let file_url: String? }
            let made = try await world.api(.POST, "/api/v1/resources", as: CapacityWorld.representative, json: """
                {"title": "دليل المحاسبة", "domain_code": "sse.finance", "language": "ar", "url": "https://example.org/guide"}
                """).decoded(Made.self)
            let path = "/api/v1/resources/\(made.id)"

            // another association's representative and a citizen may not change or remove it
            let other = try await world.api(.PUT, path, as: "other@example.org", json: #"{"title": "x", "domain_code": "sse.finance", "url": "https://example.org"}"#)
            #expect(try other.status == .forbidden && other.decoded(TestProblem.self).code == "resource.not_yours")
            #expect(try await world.api(.DELETE, path, as: CapacityWorld.citizen(0)).status == .forbidden)
            #expect(try await world.api(.GET, "/api/v1/resources/\(UUID())", as: nil).status == .notFound)

            // the API names a bad field and changes nothing
            let bad = try await world.api(.PUT, path, as: CapacityWorld.representative,
                                          json: #"{"title": "", "domain_code": "nope", "url": "https://example.org/guide"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.decoded(TestProblem.self).errors.map(\.field)) == ["title", "domain_code"])
            #expect(try await world.api(.GET, path, as: nil).decoded(Made.self).title == "دليل المحاسبة")

            // its page: the form comes filled, a new document replaces the link
            let rep = Browser(app)
            try await signIn(rep, email: CapacityWorld.representative)
            let list = try await rep.get("/ar/resources")
            #expect(list.body.string.contains("/ar/resources/\(made.id)/edit"))
            let form = try await rep.get("/ar/resources/\(made.id)/edit")
            #expect(form.status == .ok && form.body.string.contains(#"value="دليل المحاسبة""#))
            func postForm(_ fields: [(String, String)], file: (String, Data)?) async throws -> TestingHTTPResponse {
                _ = try await rep.get("/ar/resources/\(made.id)/edit")
                var (headers, body) = multipartBody([("_csrf", rep.csrf ?? "")] + fields, file: file)
                headers.replaceOrAdd(name: .cookie, value: rep.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
                return try await rep.send(.POST, "/ar/resources/\(made.id)/edit", headers: headers, body: body)
            }
            let both = try await postForm([("title", "دليل المحاسبة المبسطة"), ("language", "ar"),
                                           ("domain_code", "sse.finance"), ("url", "https://example.org/guide")],
                                          file: ("guide.pdf", Self.pdf))
            #expect(both.status == .unprocessableEntity && both.body.string.contains(#"id="url-error""#))
            #expect(both.body.string.contains("دليل المحاسبة المبسطة"))
            let replaced = try await postForm([("title", "دليل المحاسبة المبسطة"), ("language", "ar"),
                                               ("domain_code", "sse.finance"), ("url", "")],
                                              file: ("guide.pdf", Self.pdf))
            #expect(replaced.status == .seeOther)
            let document = try await world.api(.GET, path, as: nil).decoded(Made.self)
            #expect(document.title == "دليل المحاسبة المبسطة" && document.url == nil && document.file_url != nil)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).count == 1)
            // saved again without a document: the document stays
            let kept = try await postForm([("title", "دليل المحاسبة"), ("language", "fr"), ("domain_code", "sse.finance"),
                                           ("url", "")], file: nil)
            #expect(kept.status == .seeOther)
            #expect(try await world.api(.GET, path, as: nil).decoded(Made.self).file_url == document.file_url)
            // staff make it a link again through the API: the document and its file are gone
            let link = try await world.api(.PUT, path, as: CapacityWorld.coordinator, json: """
                {"title": "دليل المحاسبة", "domain_code": "sse.finance", "language": "ar", "url": "https://example.org/v2"}
                """)
            #expect(try link.status == .ok && link.decoded(Made.self).url == "https://example.org/v2")
            #expect(try await Attachment.query(on: app.db).filter(\.$ownerType == "resource").count() == 0)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).isEmpty)

            // removing: first the question, then gone
            _ = try await rep.get("/ar/resources")
            let asked = try await rep.post("/ar/resources/\(made.id)/remove", form: [:])
            #expect(asked.status == .ok && asked.body.string.contains(#"name="confirmed""#))
            #expect(try await world.api(.GET, path, as: nil).status == .ok)
            let removed = try await rep.post("/ar/resources/\(made.id)/remove", form: ["confirmed": "yes"])
            #expect(removed.status == .seeOther)
            #expect(try await world.api(.GET, path, as: nil).status == .notFound)
            #expect(try await world.api(.DELETE, path, as: CapacityWorld.representative).status == .notFound)
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
