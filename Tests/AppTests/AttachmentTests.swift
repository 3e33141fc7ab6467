import Agreements
import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// Documents attached to reports, difficulties, expertise requests and agreements: the type is read from the
/// bytes, the size is limited, the file lives outside the database, and it is served as an attachment to those
/// who may see its record.
@Suite("Attached documents")
struct AttachmentTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    func upload(_ app: Application, as email: String, _ type: String, _ id: UUID, name: String, data: Data) async throws
        -> TestingHTTPResponse
    {
        let token = try await TestAPI(app).token(email)
        var (headers, body) = multipartBody([("owner_type", type), ("owner_id", id.uuidString)], file: (name, data))
        headers.replaceOrAdd(name: .authorization, value: "Bearer \(token)")
        return try await app.testing().sendRequest(.POST, "/api/v1/attachments", headers: headers, body: body)
    }

    @Test func aReportCarriesAPDFThatOnlyItsAssociationAndStaffDownload() async throws {
        let folder = NSTemporaryDirectory() + "shabaka-attachments-" + UUID().uuidString
        try await withShabaka(demo: true, adjust: { $0.filesDirectory = folder; $0.maxUploadBytes = 4096 }) { app in
            // setup
            let report = try #require(try await ProjectReport.query(on: app.db).first())
            let project = try #require(try await Project.find(report.projectID, on: app.db))
            let organization = try #require(try await Organization.find(project.organizationID, on: app.db))
            try await makeRepresentative(app, email: "rep@example.org", of: organization.slug)
            try await makeUser(app, email: "stranger@example.org")
            try await makeUser(app, email: "reviewer@example.org", roles: [.reviewer])

            // act
            let pretending = try await upload(app, as: "rep@example.org", "report", report.id!, name: "rapport.pdf",
                                              data: Data("<html><script>alert(1)</script></html>".utf8))
            let tooBig = try await upload(app, as: "rep@example.org", "report", report.id!, name: "grand.pdf",
                                          data: Self.pdf + Data(repeating: 0x20, count: 5000))
            let stranger = try await upload(app, as: "stranger@example.org", "report", report.id!, name: "x.pdf", data: Self.pdf)
            let created = try await upload(app, as: "rep@example.org", "report", report.id!, name: "../التقرير المالي.pdf",
                                           data: Self.pdf)
            struct DTO: Decodable { let id: UUID; let media_type: String; let file_name: String; let size: Int }
            let attachment = try created.decoded(DTO.self)
            let token = { (email: String) in try await TestAPI(app).token(email) }
            let byReviewer = try await app.testing().sendRequest(.GET, "/api/v1/attachments/\(attachment.id)/content",
                                                                 headers: ["Authorization": "Bearer \(try await token("reviewer@example.org"))"])
            let byStranger = try await app.testing().sendRequest(.GET, "/api/v1/attachments/\(attachment.id)/content",
                                                                 headers: ["Authorization": "Bearer \(try await token("stranger@example.org"))"])
            let anonymous = try await app.testing().sendRequest(.GET, "/ar/files/\(attachment.id)")
            let rep = Browser(app)
            try await signIn(rep, email: "rep@example.org")
            let page = try await rep.get("/fr/projects/\(project.slug)").body.string

            // assert
            #expect(pretending.status == .unprocessableEntity && pretending.body.string.contains(#""field":"file""#))
            #expect(tooBig.status == .unprocessableEntity && tooBig.body.string.contains(#""field":"file""#))
            #expect(stranger.status == .forbidden)
            #expect(created.status == .created && attachment.media_type == "application/pdf")
            #expect(attachment.file_name == "التقرير المالي.pdf" && attachment.size == Self.pdf.count)
            let stored = try #require(try await Attachment.find(attachment.id, on: app.db))
            #expect(FileManager.default.contents(atPath: folder + "/" + stored.storageKey) == Self.pdf)
            #expect(byReviewer.status == .ok && Data(buffer: byReviewer.body) == Self.pdf)
            #expect(byReviewer.headers.first(name: .contentType) == "application/pdf")
            #expect(byReviewer.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(byReviewer.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(byStranger.status == .notFound && anonymous.status == .notFound)
            #expect(page.contains("/fr/files/\(attachment.id)") && page.contains(#"enctype="multipart/form-data""#))
            #expect(try await rowCount(app, "attachments") == 1, "refused files leave no row")
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func aPageFormAttachesASpreadsheetToADifficultyAndAnAgreementDocumentIsPublic() async throws {
        let folder = NSTemporaryDirectory() + "shabaka-attachments-" + UUID().uuidString
        try await withShabaka(demo: true, adjust: { $0.filesDirectory = folder }) { app in
            // setup
            let difficulty = try #require(try await Difficulty.query(on: app.db).first())
            let project = try #require(try await Project.find(difficulty.projectID, on: app.db))
            let organization = try #require(try await Organization.find(project.organizationID, on: app.db))
            try await makeRepresentative(app, email: "rep@example.org", of: organization.slug)
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let rep = Browser(app)
            try await signIn(rep, email: "rep@example.org")
            _ = try await rep.get("/fr/difficulties/\(difficulty.id!)")
            let csv = Data("wilaya;montant\n05;120000\n".utf8)

            // act: the form as a browser sends it
            var (headers, body) = multipartBody([("_csrf", rep.csrf ?? ""), ("owner_type", "difficulty"),
                                                  ("owner_id", difficulty.id!.uuidString)], file: ("devis.csv", csv))
            headers.replaceOrAdd(name: .cookie, value: rep.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            let posted = try await rep.send(.POST, "/fr/attachments", headers: headers, body: body)
            let page = try await rep.get("/fr/difficulties/\(difficulty.id!)").body.string
            let agreement = try #require(try await Agreement.query(on: app.db).first())
            let document = try await upload(app, as: "coordinator@example.org", "agreement", agreement.id!, name: "convention.pdf",
                                            data: Self.pdf)
            struct DTO: Decodable { let id: UUID }
            let publicDownload = try await app.testing().sendRequest(.GET, "/fr/files/\(try document.decoded(DTO.self).id)")

            // assert
            #expect(posted.status == .seeOther && posted.location?.hasPrefix("/fr/difficulties/\(difficulty.id!)#attachments") == true)
            #expect(page.contains("devis.csv"))
            #expect(publicDownload.status == .ok && publicDownload.headers.first(name: .contentType) == "application/pdf")
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
