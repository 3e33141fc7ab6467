@testable import Directory
import Fluent
import Platform
import SQLKit
import ShabakaTestSupport
import Testing
import VaporTesting

/// The directory and the experts list forgive a spelling slip in a word of five letters or more, and list what
/// matches exactly first.
@Suite("Search forgives spelling in the directory and the experts list")
struct FuzzySearchTests {
    struct List: Decodable {
        struct Item: Decodable { let slug: String }
        struct Page: Decodable { let total: Int }
        let items: [Item]
        let page: Page
    }

    static func encoded(_ query: String) -> String {
        query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    /// Slugs of the directory cards of a page, in order.
    static func slugs(_ html: String, language: String) -> [String] {
        html.components(separatedBy: "<li class=\"card\"").dropFirst().compactMap { card in
            card.components(separatedBy: "href=\"/\(language)/organizations/").dropFirst().first?
                .split(separator: "\"").first.map(String.init)
        }
    }

    @Test func theDirectoryFindsAMisspeltWordAndListsTheExactMatchFirst() async throws {
        try await withShabaka(demo: true) { app in
            // arrange: an observatory spelling "الديموقراطية" with و, whose name sorts after the demo network
            // that spells "الديمقراطية" (م after ش): only the ranking can put it first
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let created = try await TestAPI(app).call(.POST, "/api/v1/organizations", as: "coordinator@example.org", json: """
                {"slug": "marsad-democratie-locale", "kind": "association",
                 "name": {"ar": "مرصد الديموقراطية المحلية", "fr": "Observatoire de la démocratie locale"},
                 "description": {"ar": "متابعة المجالس المنتخبة."}, "wilaya_code": "16",
                 "accreditation_number": "16/2022/9", "accreditation_date": "2022-02-01", "domains": ["democracy.citizenship"]}
                """)
            #expect(created.status == .created)
            let network = DirectoryDemo.networkSlug

            // act: each spelling, through the API and the Arabic page; a French slip on the French page
            let withWaw = try await app.testing().sendRequest(.GET, "/api/v1/organizations?q=\(Self.encoded("ديموقراطية"))")
                .decoded(List.self)
            let withoutWaw = try await app.testing().sendRequest(.GET, "/api/v1/organizations?q=\(Self.encoded("الديمقراطية"))")
                .decoded(List.self)
            let page = try await app.testing().sendRequest(.GET, "/ar/organizations?q=\(Self.encoded("الديموقراطية"))")
            let french = try await app.testing().sendRequest(.GET, "/fr/organizations?q=\(Self.encoded("démocratei locale"))")
            let tooShort = try await app.testing().sendRequest(.GET, "/api/v1/organizations?q=\(Self.encoded("مرصذ"))")
                .decoded(List.self)

            // assert: both spellings find both, the one spelt as asked first
            #expect(withWaw.items.map(\.slug).first == "marsad-democratie-locale")
            #expect(withWaw.items.map(\.slug).contains(network))
            let exactFirst = withoutWaw.items.map(\.slug)
            #expect(exactFirst.last == "marsad-democratie-locale")
            #expect((exactFirst.firstIndex(of: network) ?? .max) < exactFirst.count - 1)
            #expect(withWaw.page.total == withoutWaw.page.total)
            #expect(page.status == .ok)
            let cards = Self.slugs(page.body.string, language: "ar")
            #expect(cards.first == "marsad-democratie-locale")
            #expect(cards.contains(network))
            #expect(Self.slugs(french.body.string, language: "fr").contains("marsad-democratie-locale"))
            #expect(!Self.slugs(french.body.string, language: "fr").contains(network))
            #expect(tooShort.items.isEmpty)
        }
    }

    @Test func aTermAddedAfterTheIndexWasBuiltIsFoundMisspelt() async throws {
        try await withShabaka(demo: true) { app in
            // arrange: the index is built by a first search, then an organisation takes a new name
            try await makeUser(app, email: "coord@example.org", roles: [.coordinator])
            let before = try await app.testing().sendRequest(.GET, "/api/v1/organizations?q=\(Self.encoded("الزهبية"))")
                .decoded(List.self)
            let renamed = try await TestAPI(app).call(.PATCH, "/api/v1/organizations/tadamoun-batna", as: "coord@example.org",
                                                      json: #"{"name": {"ar": "جمعية السنابل الذهبية", "fr": "Épis dorés"}}"#)

            // act: ز typed for ذ, a common slip
            let after = try await app.testing().sendRequest(.GET, "/api/v1/organizations?q=\(Self.encoded("الزهبية"))")
                .decoded(List.self)

            // assert
            #expect(renamed.status == .ok)
            #expect(before.items.isEmpty)
            #expect(after.items.map(\.slug) == ["tadamoun-batna"])
        }
    }

    @Test func theIndexAndTheDatabaseForgiveTheSameSlipsInTheSameOrder() async throws {
        try await withShabaka(demo: true) { app in
            // arrange: the demo directory and 400 generated associations
            let seeded = await runCommand(app, ["seed-demo", "--organizations", "400"])
            #expect(seeded.error == nil)
            let store = DirectoryIndexStore()
            let postgres = (app.db as? any SQLDatabase)?.dialect.name == "postgresql"
            let filters = [
                OrganizationFilter(query: "الديموقراطية التشاركية"), OrganizationFilter(query: "التظامني", kind: .association),
                OrganizationFilter(query: "associaton"), OrganizationFilter(query: "developement local"),
                OrganizationFilter(query: "الديمقراطية"), OrganizationFilter(query: "المواطنه", kind: .association),
                OrganizationFilter(query: "Atlass"), OrganizationFilter(query: "السياحه التظامنية"),
            ]

            for filter in filters {
                for page in [PageQuery(number: 1, size: 20), PageQuery(number: 2, size: 7), PageQuery(number: 1, size: 100)] {
                    // act
                    let fromIndex = try await OrganizationQuery.page(filter, page: page, index: store, on: app.db)
                    let fromDatabase = try await OrganizationQuery.databasePage(filter, page: page, on: app.db)

                    // assert: same total, same page (PostgreSQL's collation may order names differently)
                    #expect(fromIndex.total > 0, "\(filter)")
                    #expect(fromIndex.total == fromDatabase.total, "\(filter) \(page.number)")
                    if !postgres {
                        #expect(fromIndex.rows.map(\.slug) == fromDatabase.rows.map(\.slug), "\(filter) \(page.number)")
                    }
                }
            }
        }
    }

    @Test func theExpertsListPutsTheExactMatchBeforeTheSlip() async throws {
        try await withShabaka(demo: true) { app in
            // arrange: a public profile whose title misspells "finance" and whose name sorts before the demo's
            // Karim Haddad, who spells it right
            try await makeUser(app, email: "aaron@example.org", name: "Aaron")
            let saved = try await TestAPI(app).call(.PUT, "/api/v1/people/me", as: "aaron@example.org", json: """
                {"display_name": "Aaron Belkacem", "kind": "expert", "title": "Consultant en finnance solidaire", "public": true}
                """)
            struct People: Decodable {
                struct Person: Decodable { let display_name: String }
                let items: [Person]
            }

            // act
            let right = try await app.testing().sendRequest(.GET, "/api/v1/people?q=finance").decoded(People.self)
            let wrong = try await app.testing().sendRequest(.GET, "/api/v1/people?q=finnance").decoded(People.self)
            let page = try await app.testing().sendRequest(.GET, "/fr/experts?q=finance").body.string

            // assert: each spelling lists its own first, then the other
            #expect(saved.status == .ok)
            #expect(right.items.map(\.display_name) == ["Karim Haddad", "Aaron Belkacem"])
            #expect(wrong.items.map(\.display_name) == ["Aaron Belkacem", "Karim Haddad"])
            let karim = page.range(of: "Karim Haddad")?.lowerBound, aaron = page.range(of: "Aaron Belkacem")?.lowerBound
            #expect(karim != nil && aaron != nil && karim! < aaron!)
        }
    }

    @Test func theExpertsListForgivesASlip() async throws {
        try await withShabaka(demo: true) { app in
            // act: "الميزانية" without its long ا, on the page and through the API
            let html = try await app.testing().sendRequest(.GET, "/ar/experts?q=\(Self.encoded("الميزنية التشاركية"))").body.string
            let api = try await app.testing().sendRequest(.GET, "/api/v1/people?q=\(Self.encoded("الميزنية"))").body.string
            let twoSlips = try await app.testing().sendRequest(.GET, "/ar/experts?q=\(Self.encoded("الميزنيت"))").body.string

            // assert
            #expect(html.contains("أمينة زروقي"))
            #expect(!html.contains("Karim Haddad"))
            #expect(api.contains("أمينة زروقي"))
            #expect(!twoSlips.contains("أمينة زروقي"))
        }
    }
}
