import App
import Foundation
import Platform
import ShabakaTestSupport
import Testing

/// The app-wide checks on templates find the rooms by themselves: the pages come from the app as it is wired
/// (every room registers its own), the templates from the folder, and an empty folder is a failure.
@Suite("Template links")
struct TemplateLinksTests {
    @Test func everyLinkATemplateUsesIsAPageSomeRoomRegisters() async throws {
        try await withShabaka { app in
            let links = app.siteLinks
            #expect(links.relativePaths.count > 10, "the rooms registered \(links.relativePaths.count) pages")
            let root = repositoryRoot + "Resources/Views"
            let files = (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".leaf") }
            let regex = try NSRegularExpression(pattern: #"page\.links\.([A-Za-z]+)"#)
            var used = Set<String>()
            for file in files {
                let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let name = String(text[Range(match.range(at: 1), in: text)!])
                    used.insert(name)
                    #expect(links.relativePaths[name] != nil, "\(file) links to unknown page \(name)")
                }
            }
            // A folder found empty (or a wrong root) fails here instead of passing silently.
            #expect(files.count > 30, "\(files.count) templates under \(root)")
            #expect(used.count > 10)
        }
    }

    /// An address written by hand (`/#(page.lang)/…`) escapes the check above: a route moved or misspelt would
    /// only show as a 404 in a browser. Every link goes through `page.links`.
    @Test func noTemplateWritesTheLanguagePrefixByHand() throws {
        let root = repositoryRoot + "Resources/Views"
        let files = (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".leaf") }
        #expect(files.count > 30)
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            #expect(!text.contains("\"/#(page.lang)/"), "\(file) writes an address by hand")
        }
    }
}
