import App
import Directory
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Projects
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("The site: languages, home page, health, headers")
struct SiteTests {
    @Test func rootRedirectsByAcceptLanguageDefaultingToArabic() async throws {
        try await withShabaka { app in
            let french = try await app.testing().sendRequest(.GET, "/", headers: ["Accept-Language": "fr-FR,fr;q=0.9"])
            let none = try await app.testing().sendRequest(.GET, "/")
            let german = try await app.testing().sendRequest(.GET, "/", headers: ["Accept-Language": "de-DE"])
            #expect(french.headers.first(name: .location) == "/fr/")
            #expect(none.headers.first(name: .location) == "/ar/")
            #expect(german.headers.first(name: .location) == "/ar/")
        }
    }

    @Test func theArabicHomePageIsRightToLeftAndShowsTheDemoOrganisations() async throws {
        try await withShabaka(demo: true) { app in
            // act
            let arabic = try await app.testing().sendRequest(.GET, "/ar/")
            let english = try await app.testing().sendRequest(.GET, "/en/")

            // assert
            #expect(arabic.status == .ok)
            let html = arabic.body.string
            #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
            #expect(html.contains("المرصد الوطني للمجتمع المدني"))
            #expect(html.contains("شبكة الديمقراطية التشاركية والاقتصاد الاجتماعي والتضامني"))
            #expect(html.contains(#"href="/fr/""#) && html.contains(#"href="/en/""#))
            #expect(html.contains("انتقل إلى المحتوى"))
            #expect(english.body.string.contains(#"<html lang="en" dir="ltr">"#))
            #expect(english.body.string.contains("National Observatory of Civil Society"))
        }
    }

    /// The figure shown beside a label of the home page's figures.
    static func figure(_ label: String, in html: String) -> String? {
        let opening = #"<span class="figure-label">\#(label)</span> <strong class="figure">"#
        guard let start = html.range(of: opening) else { return nil }
        let rest = html[start.upperBound...]
        return rest.range(of: "</strong>").map { String(rest[..<$0.lowerBound]) }
    }

    @Test func theHomePageCountsTheNetworkFromItsRecordsAndOffersAWayInToEachKindOfVisitor() async throws {
        try await withShabaka(demo: true) { app in
            // setup: the figures as the records give them
            let members = try await NetworkMembership.query(on: app.db).filter(\.$state == .active).count()
            let counted: [ProjectState] = [.approved, .inProgress, .completed, .evaluated]
            let projects = try await Project.query(on: app.db).filter(\.$state ~~ counted).all()
            var jobs = 0
            for project in projects {
                jobs += try await ProjectReport.query(on: app.db).filter(\.$projectID == project.requireID()).all()
                    .reduce(0) { $0 + $1.jobsCreated }
            }
            #expect(members > 0 && projects.count > 0 && jobs > 0, "the demo data has members, projects and jobs")

            // act
            let html = try await app.testing().sendRequest(.GET, "/en/").body.string

            // assert: figures, entries per visitor, footer pages
            #expect(Self.figure("Member associations", in: html) == "\(members)")
            #expect(Self.figure("Approved projects", in: html) == "\(projects.count)")
            #expect(Self.figure("Jobs created", in: html) == NumberText.integer(jobs, in: .en))
            #expect(Self.figure("Wilayas", in: html)?.hasSuffix(" of 58") == true)
            for entry in ["I represent an association", "I am an expert or an academic", "I am a citizen",
                          "I am a partner: a public institution or a company"] {
                #expect(html.contains(">\(entry)</a></h3>"), "no entry \(entry)")
            }
            #expect(!html.contains("vote"), "the home page promises no vote")
            for path in ["contact", "legal-notice", "privacy", "accessibility"] {
                #expect(html.contains(#"href="/en/\#(path)""#), "the footer links to \(path)")
            }

            // act: a draft project is approved
            let draft = try #require(try await Project.query(on: app.db).filter(\.$state == .draft).first())
            draft.state = .approved
            try await draft.save(on: app.db)
            let after = try await app.testing().sendRequest(.GET, "/en/").body.string

            // assert
            #expect(Self.figure("Approved projects", in: after) == "\(projects.count + 1)")
        }
    }

    @Test func theFooterPagesReadInEachLanguageWithTheConfiguredContactAddress() async throws {
        try await withShabaka(adjust: { $0.contactEmail = "ecrire@reseau.example.dz" }) { app in
            for language in ["ar", "fr", "en"] {
                for path in ["contact", "legal-notice", "privacy", "accessibility"] {
                    let response = try await app.testing().sendRequest(.GET, "/\(language)/\(path)")
                    #expect(response.status == .ok, "\(language)/\(path)")
                    #expect(response.body.string.contains("<h2>"), "\(language)/\(path) has sections")
                }
                let contact = try await app.testing().sendRequest(.GET, "/\(language)/contact").body.string
                #expect(contact.contains(#"<a href="mailto:ecrire@reseau.example.dz"><bdi dir="ltr">ecrire@reseau.example.dz</bdi></a>"#))
            }
            let privacy = try await app.testing().sendRequest(.GET, "/fr/privacy").body.string
            #expect(privacy.contains("18-07"))
        }
    }

    @Test func demoDataLoadsOnlyOnce() async throws {
        try await withShabaka(demo: true) { app in
            try await loadDemoData(app)
            let html = try await app.testing().sendRequest(.GET, "/fr/").body.string
            #expect(html.components(separatedBy: "Observatoire national de la société civile</a></h3>").count == 2)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await withShabaka { app in
            for path in ["/ar/", "/en/sign-in", "/api/v1/me", "/fr/missing", "/healthz"] {
                let response = try await app.testing().sendRequest(.GET, path)
                let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("default-src 'self'"), "\(path)")
                #expect(csp.contains("frame-ancestors 'none'"), "\(path)")
                #expect(!csp.contains("unsafe-inline"), "\(path)")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(response.headers.first(name: "Referrer-Policy") != nil, "\(path)")
            }
        }
    }

    @Test func healthReadinessAndMetricsAnswer() async throws {
        try await withShabaka { app in
            // setup
            _ = try await app.testing().sendRequest(.GET, "/ar/")

            // act
            let health = try await app.testing().sendRequest(.GET, "/healthz")
            let ready = try await app.testing().sendRequest(.GET, "/readyz")
            let metrics = try await app.testing().sendRequest(.GET, "/metrics")

            // assert
            #expect(health.status == .ok)
            #expect(ready.status == .ok)
            #expect(ready.body.string.contains("ok"))
            #expect(metrics.body.string.contains(#"shabaka_http_requests_total{method="GET",route="/:lang",status="200"}"#))
            #expect(metrics.body.string.contains("shabaka_http_request_duration_seconds_bucket"))
        }
    }

    @Test func readinessWaitsForEveryRegisteredCheck() async throws {
        try await withShabaka { app in
            // setup: a check that is not ready yet (as the directory index while it is built at boot)
            let warm = NIOLockedValueBox(false)
            app.readiness.register("search_index") { _ in warm.withLockedValue { $0 } }

            // act
            let starting = try await app.testing().sendRequest(.GET, "/readyz")
            warm.withLockedValue { $0 = true }
            let ready = try await app.testing().sendRequest(.GET, "/readyz")

            // assert
            #expect(starting.status == .serviceUnavailable)
            #expect(starting.body.string.contains(#""waiting_for":["search_index"]"#))
            #expect(ready.status == .ok)
        }
    }

    @Test func pagesNeedNoScriptAndLabelEveryInput() async throws {
        try await withShabaka { app in
            for path in ["/ar/sign-up", "/fr/sign-in", "/en/password/forgot"] {
                let html = try await app.testing().sendRequest(.GET, path).body.string
                #expect(!html.contains("<script"), "\(path)")
                #expect(html.contains(#"<main id="main""#), "\(path)")
                let inputs = html.components(separatedBy: "<input ").dropFirst().filter { !$0.hasPrefix(#"type="hidden""#) }
                for input in inputs {
                    let id = input.components(separatedBy: #"id=""#).dropFirst().first?.components(separatedBy: "\"").first
                    let id2 = try #require(id, "input without id on \(path)")
                    #expect(html.contains(#"<label for="\#(id2)">"#), "\(path): \(id2) has no label")
                }
            }
        }
    }
}
