import Vapor

/// The pages the footer links to: contact, legal notice, privacy notice and accessibility statement. Their words
/// are in the catalogs (`info.<page>.*`), in three languages; the contact address comes from the configuration.
public struct InfoPagesController: RouteCollection {
    /// One page: its catalog prefix and its sections, each a heading and paragraphs (catalog key suffixes).
    struct Page: Sendable {
        let route: SiteURL
        let key: String
        let sections: [(heading: String, paragraphs: [String])]
    }

    static let pages: [Page] = [
        Page(route: .contact, key: "contact", sections: [
            ("write", ["write_text"]),
            ("answer", ["answer_text"]),
            ("report", ["report_text"]),
        ]),
        Page(route: .legal, key: "legal", sections: [
            ("publisher", ["publisher_text"]),
            ("partnership", ["partnership_text"]),
            ("content", ["content_text", "content_public"]),
            ("software", ["software_text"]),
        ]),
        Page(route: .privacy, key: "privacy", sections: [
            ("who", ["who_text"]),
            ("what", ["what_account", "what_organization", "what_demographics", "what_files"]),
            ("why", ["why_text"]),
            ("public", ["public_text"]),
            ("keep", ["keep_text"]),
            ("rights", ["rights_text", "rights_how"]),
            ("security", ["security_text"]),
        ]),
        Page(route: .accessibility, key: "accessibility", sections: [
            ("commitment", ["commitment_text"]),
            ("state", ["state_text"]),
            ("how", ["how_text"]),
            ("limits", ["limits_text"]),
            ("feedback", ["feedback_text"]),
        ]),
    ]

    /// Every catalog key the pages read (they are composed at run time).
    public static var catalogKeys: [String] {
        pages.flatMap { page in
            ["info.\(page.key).title"] + page.sections.flatMap { section in
                (["\(section.heading)"] + section.paragraphs).map { "info.\(page.key).\($0)" }
            }
        }
    }

    struct Section: Encodable {
        let heading: String
        let paragraphs: [String]
    }

    struct Context: Encodable {
        let page: PageMeta
        let key: String
        let sections: [Section]
        let contactEmail: String
    }

    public func boot(routes: any RoutesBuilder) throws {
        for page in Self.pages {
            routes.get(page.route.pathComponents) { req async throws -> Response in
                let language = req.language, catalog = req.application.catalog
                let email = req.application.shabakaConfig.contactEmail
                let sections = page.sections.map { section in
                    Section(heading: catalog.text("info.\(page.key).\(section.heading)", in: language),
                            paragraphs: section.paragraphs.map {
                                catalog.text("info.\(page.key).\($0)", in: language)
                            })
                }
                return try await req.render("platform/info", Context(
                    page: try await PageMeta.make(for: req, titleKey: "info.\(page.key).title"),
                    key: page.key, sections: sections, contactEmail: email))
            }
        }
    }
}
