import Directory
import Fluent
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Directory pages and the membership procedure in the browser")
struct DirectoryPagesTests {
    @Test func theArabicDirectoryFindsAssociationsAsPeopleTypeIt() async throws {
        try await withShabaka(demo: true) { app in
            // act: the same search written three ways
            let queries = ["الاقتصاد التضامني", "اقتصاد تضامني", "الإقتصاد"]
            var found: [Set<String>] = []
            for query in queries {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                let html = try await app.testing().sendRequest(.GET, "/ar/organizations?q=\(encoded)").body.string
                found.append(Set(html.components(separatedBy: "href=\"/ar/organizations/").dropFirst()
                    .compactMap { $0.split(separator: "\"").first.map(String.init) }))
            }

            // assert
            #expect(found[0] == found[1])
            #expect(found[0].isSubset(of: found[2]))
            #expect(found[0].contains("university-setif-sse-lab"))
            #expect(found[2].contains("network-participatory-democracy-sse"))
        }
    }

    @Test func frenchSearchFoldsAccentsAndFiltersCombine() async throws {
        try await withShabaka(demo: true) { app in
            // act
            let accents = try await app.testing().sendRequest(.GET, "/api/v1/organizations?q=economie%20solidaire")
            let upper = try await app.testing().sendRequest(.GET, "/api/v1/organizations?q=%C3%89CONOMIE%20Solidaire")
            let crafts = try await app.testing().sendRequest(.GET, "/api/v1/organizations?domain=sse.crafts&wilaya=47")
            let kind = try await app.testing().sendRequest(.GET, "/api/v1/organizations?kind=network&size=5")
            let badFilter = try await app.testing().sendRequest(.GET, "/api/v1/organizations?wilaya=99&kind=club")

            // assert
            struct List: Decodable {
                struct Item: Decodable { let slug: String }
                struct Page: Decodable { let number: Int; let size: Int; let total: Int }
                let items: [Item]
                let page: Page
            }
            let a = try accents.decoded(List.self), b = try upper.decoded(List.self)
            #expect(a.items.map(\.slug) == b.items.map(\.slug))
            #expect(a.items.map(\.slug).contains("university-setif-sse-lab"))
            #expect(try crafts.decoded(List.self).items.map(\.slug) == ["nour-women-ghardaia"])
            let networks = try kind.decoded(List.self)
            #expect(networks.items.map(\.slug) == ["network-participatory-democracy-sse"])
            #expect(networks.page.size == 5 && networks.page.total == 1)
            #expect(badFilter.status == .unprocessableEntity)
            #expect(badFilter.body.string.contains(#""field":"wilaya""#) && badFilter.body.string.contains(#""field":"kind""#))
        }
    }

    @Test func theOrganisationPageShowsMembershipHistory() async throws {
        try await withShabaka(demo: true) { app in
            let html = try await app.testing().sendRequest(.GET, "/fr/organizations/tadamoun-batna").body.string
            #expect(html.contains("Association Tadamoun pour l&#39;économie sociale"))
            #expect(html.contains("Adhésions à des réseaux"))
            #expect(html.contains("Admettre"))
            #expect(html.contains("Agriculture et agroalimentaire"))
            let missing = try await app.testing().sendRequest(.GET, "/fr/organizations/nope")
            #expect(missing.status == .notFound)
            #expect(missing.body.string.contains("Cette organisation n&#39;existe pas."))
        }
    }

    @Test func aRepresentativeAppliesThroughTheFormAndAReviewerSeesTheChecklist() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            let world = try await MembershipWorld.make(app)
            let browser = Browser(app)
            try await signIn(browser, email: world.representative)

            // act: a bad form first, then a good one
            let form = try await browser.get("/ar/membership/apply")
            #expect(form.status == .ok)
            let bad = try await browser.post("/ar/membership/apply", form: [
                "organization_id": world.association.id!.uuidString, "network_id": world.network.id!.uuidString,
                "motivation": "قصير",
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("استعمل 30 أحرف على الأقل."))
            let good = try await browser.post("/ar/membership/apply", form: [
                "organization_id": world.association.id!.uuidString, "network_id": world.network.id!.uuidString,
                "motivation": String(repeating: "نرغب في الانضمام إلى الشبكة. ", count: 3),
                "accreditation_number": "31/2019/112", "accreditation_date": "2019-03-14",
                "domains[]": "sse.employment", "references": "مديرية التشغيل لولاية وهران",
            ])
            #expect(good.status == .seeOther)
            let page = try await browser.get(try #require(good.location))

            // assert: the applicant sees the state; a reviewer sees the checklist form
            #expect(page.body.string.contains("مقدَّم"))
            let reviewer = Browser(app)
            try await signIn(reviewer, email: world.reviewer)
            let path = String(good.location!.split(separator: "?").first!)
            try await reviewer.get(path)
            let started = try await reviewer.post(path + "/transitions", form: ["action": "start_review"])
            #expect(started.status == .seeOther)
            let review = try await reviewer.get(path)
            #expect(review.body.string.contains("رقم الاعتماد وتاريخه مطابقان للسجل"))
            #expect(review.body.string.contains(#"name="items[accreditation_valid]""#))
        }
    }
}
