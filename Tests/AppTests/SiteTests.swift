import App
import NIOConcurrencyHelpers
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

    @Test func demoDataLoadsOnlyOnce() async throws {
        try await withShabaka(demo: true) { app in
            try await loadDemoData(app)
            let html = try await app.testing().sendRequest(.GET, "/fr/").body.string
            #expect(html.components(separatedBy: "Observatoire national de la société civile</h3>").count == 2)
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
