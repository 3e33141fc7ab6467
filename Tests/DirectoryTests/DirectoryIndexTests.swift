@testable import Directory
import Fluent
import Platform
import SQLKit
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("The in-memory directory index answers as the database does")
struct DirectoryIndexTests {
    @Test func everyFilterAndSearchGivesTheDatabasesAnswer() async throws {
        try await withShabaka(demo: true) { app in
            // arrange: the demo directory and 1,200 generated associations
            let seeded = await runCommand(app, ["seed-demo", "--organizations", "1200"])
            #expect(seeded.error == nil)
            let filters: [OrganizationFilter] = [
                OrganizationFilter(),
                OrganizationFilter(query: "الاقتصاد التضامني"),
                OrganizationFilter(query: "اقتصاد تضامني", wilaya: "05"),
                OrganizationFilter(query: "الإقتصاد"),
                OrganizationFilter(query: "اقت"),
                OrganizationFilter(query: "économie solidaire", kind: .association),
                OrganizationFilter(query: "de"),
                OrganizationFilter(query: "olive"),
                OrganizationFilter(query: "no-such-word-anywhere"),
                OrganizationFilter(wilaya: "16", domain: "sse.crafts"),
                OrganizationFilter(kind: .network),
                OrganizationFilter(query: "Atlas", wilaya: "31", domain: "sse.agriculture"),
                OrganizationFilter(domain: "democracy.citizenship"),
            ]
            let store = DirectoryIndexStore()
            let postgres = (app.db as? any SQLDatabase)?.dialect.name == "postgresql"

            for filter in filters {
                for page in [PageQuery(number: 1, size: 20), PageQuery(number: 3, size: 7), PageQuery(number: 1, size: 100)] {
                    // act
                    let fromIndex = try await OrganizationQuery.page(filter, page: page, index: store, on: app.db)
                    let fromDatabase = try await OrganizationQuery.databasePage(filter, page: page, on: app.db)

                    // assert: same total, same page (PostgreSQL's collation may order names differently)
                    #expect(fromIndex.total == fromDatabase.total, "\(filter) \(page.number)")
                    if !postgres {
                        #expect(fromIndex.rows.map(\.slug) == fromDatabase.rows.map(\.slug), "\(filter) \(page.number)")
                    }
                }
            }
            let all = try await OrganizationQuery.page(OrganizationFilter(), page: PageQuery(), index: store, on: app.db)
            #expect(all.total > 1200)
        }
    }

    @Test func anEditIsFoundUnderItsNewNameAndNoLongerUnderTheOld() async throws {
        try await withShabaka(demo: true) { app in
            // arrange: the index is built by a first search
            try await makeUser(app, email: "coord@example.org", roles: [.coordinator])
            let token = try await apiToken(app, email: "coord@example.org")
            func search(_ query: String) async throws -> String {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                return try await app.testing().sendRequest(.GET, "/api/v1/organizations?q=\(encoded)").body.string
            }
            let before = try await search("تضامن باتنة")
            #expect(before.contains("tadamoun-batna"))

            // act
            let updated = try await app.testing().sendRequest(
                .PATCH, "/api/v1/organizations/tadamoun-batna",
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"name": {"ar": "جمعية الواحات الخضراء", "fr": "Oasis vertes"}, "wilaya_code": "30"}"#))
            let byNewName = try await search("الواحات الخضراء")
            let byOldName = try await search("تضامن باتنة")
            let byNewWilaya = try await app.testing().sendRequest(.GET, "/api/v1/organizations?wilaya=30").body.string

            // assert
            #expect(updated.status == .ok)
            #expect(byNewName.contains("tadamoun-batna"))
            #expect(!byOldName.contains("tadamoun-batna"))
            #expect(byNewWilaya.contains("tadamoun-batna"))
        }
    }

    @Test func anotherProcessesWritesReachTheIndexThroughTheChangesFeed() async throws {
        let clock = ManualClock()
        try await withShabaka(demo: true, clock: clock) { app in
            // arrange: a store built now, then organisations added behind its back (as another process would)
            let store = DirectoryIndexStore()
            let before = try await OrganizationQuery.page(OrganizationFilter(query: "Atlas"), page: PageQuery(),
                                                          index: store, on: app.db, now: clock.now())
            let seeded = await runCommand(app, ["seed-demo", "--organizations", "300"])
            #expect(seeded.error == nil)
            let unchanged = try await OrganizationQuery.page(OrganizationFilter(query: "Atlas"), page: PageQuery(),
                                                             index: store, on: app.db, now: clock.now())
            clock.advance(by: DirectoryIndexStore.feedInterval)

            // act
            let after = try await OrganizationQuery.page(OrganizationFilter(query: "Atlas"), page: PageQuery(),
                                                         index: store, on: app.db, now: clock.now())
            let reference = try await OrganizationQuery.databasePage(OrganizationFilter(query: "Atlas"), page: PageQuery(),
                                                                     on: app.db)

            // assert: within the feed interval the store answers from memory; after it, with the new rows
            #expect(unchanged.total == before.total)
            #expect(after.total > before.total)
            #expect(after.total == reference.total)
        }
    }
}
