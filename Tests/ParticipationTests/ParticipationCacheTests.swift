import Directory
import Fluent
import Foundation
@testable import Participation
import Platform
import ShabakaTestSupport
import SQLKit
import Testing
import VaporTesting

/// The room's in-memory caches (``ParticipationCache``): the proposal list index answers as SQL does, and every
/// cached page follows writes at once, including writes made straight in the database (another server, a
/// command), because the database's triggers move the revisions the caches check.
@Suite("The room's caches follow every write")
struct ParticipationCacheTests {
    typealias W = ParticipationWorld

    struct Listed: Decodable {
        struct Row: Decodable { let id: UUID; let endorsements: Int?; let comments: Int }
        struct Info: Decodable { let total: Int }
        let items: [Row]
        let page: Info
    }

    static let filters = [
        "", "wilaya=05", "wilaya=16&sort=most_endorsed", "sort=most_commented", "q=%D8%AD%D8%AF%D9%8A%D9%82%D8%A9",
        "q=%D8%AD%D8%AF%D9%8A%D9%82%D8%A9&wilaya=31", "state=published", "state=withdrawn", "page=2&size=5",
        "domain=sse.agriculture&sort=most_endorsed&page=3&size=4",
    ]

    /// Every filter, through the API (the index), against `ProposalList` by SQL.
    static func compare(_ world: ParticipationWorld, _ step: String) async throws {
        for query in filters {
            let answer = try await world.api(.GET, "/api/v1/proposals?process=budget-2026&\(query)", as: nil)
            #expect(answer.status == .ok, "\(step) \(query): \(answer.body.string)")
            let listed = try answer.decoded(Listed.self)
            var filter = ProposalFilter()
            filter.processID = world.processID
            for item in query.split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { continue }
                switch pair[0] {
                case "wilaya": filter.wilaya = pair[1]
                case "domain": filter.domain = pair[1]
                case "state": filter.state = ProposalState(rawValue: pair[1])
                case "sort": filter.sort = ProposalFilter.Sort(rawValue: pair[1]) ?? .recent
                case "q": filter.q = pair[1].removingPercentEncoding ?? ""
                default: break
                }
            }
            let number = query.contains("page=2") ? 2 : query.contains("page=3") ? 3 : 1
            let size = query.contains("size=5") ? 5 : query.contains("size=4") ? 4 : PageQuery.defaultSize
            let expected = try await ProposalList.page(filter, viewer: nil, countsShown: { _ in true },
                                                       page: PageQuery(number: number, size: size), on: world.app.db)
            #expect(listed.page.total == expected.total, "\(step) \(query)")
            #expect(listed.items.map(\.id) == expected.rows.map(\.id), "\(step) \(query)")
            #expect(listed.items.map(\.endorsements) == expected.rows.map(\.endorsements), "\(step) \(query)")
            #expect(listed.items.map(\.comments) == expected.rows.map(\.comments), "\(step) \(query)")
        }
    }

    @Test func theListIndexAnswersAsSQLDoesAfterEveryKindOfWrite() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await W.make(app, citizens: 4, threshold: 50)
            let sql = try #require(app.db as? any SQLDatabase)
            let titles = ["حديقة عمومية للأطفال", "سوق جواري للمنتجين", "مكتبة متنقلة للقرى", "حديقة نباتية مدرسية",
                          "ورشة خياطة للنساء", "ساحة رياضية"]
            var ids: [UUID] = []
            for index in 0..<18 {
                clock.advance(by: 60)
                ids.append(try await world.published("\(titles[index % titles.count]) \(index)", body: "نص المقترح رقم \(index)",
                                                     by: W.author, wilaya: ["05", "16", "31"][index % 3]))
            }
            try await Self.compare(world, "published")

            // Endorsements through the API: the counts and the order by support follow.
            for (offset, id) in ids.prefix(4).enumerated() {
                for citizen in 0...offset {
                    #expect(try await world.api(.POST, "/api/v1/proposals/\(id)/endorsements", as: W.citizen(citizen)).status == .created)
                }
            }
            try await Self.compare(world, "endorsed")

            // Writes straight in the database, as another server or a command makes them.
            try await sql.raw("UPDATE proposals SET comment_count = 9 WHERE id = \(bind: ids[5])").run()
            try await sql.raw("UPDATE proposals SET state = 'withdrawn' WHERE id = \(bind: ids[6])").run()
            try await sql.raw("UPDATE proposals SET pending_moderation = \(bind: true) WHERE id = \(bind: ids[7])").run()
            try await sql.raw("UPDATE proposals SET wilaya_code = '16', search_terms = ' حديقة ' WHERE id = \(bind: ids[10])").run()
            try await Self.compare(world, "written by SQL")
            try await sql.raw("DELETE FROM proposals WHERE id = \(bind: ids[8])").run()
            try await Self.compare(world, "deleted")

            // A new proposal, then the process's own settings: the index and the process page follow.
            clock.advance(by: 60)
            ids.append(try await world.published("حديقة الحي الجديد", body: "مقترح جديد لحديقة الحي الجديد", by: W.citizen(3), wilaya: "31"))
            try await sql.raw("UPDATE participatory_processes SET counts_visible = \(bind: true) WHERE id = \(bind: world.processID)").run()
            try await Self.compare(world, "added")
        }
    }

    @Test func keptListPagesAreSharedOnlyByReadersInTheSameState() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app, citizens: 2, threshold: 50)
            let shown = try await world.published("سوق جواري للمنتجين", body: "سوق أسبوعي للمنتجين المحليين.", by: W.citizen(1))
            let draft = try await world.api(.POST, "/api/v1/proposals", as: W.author, json: """
                {"process_id": "\(world.processID)", "title": "مسودة لا يراها غير صاحبها", "body": "نص المسودة الخاصة بصاحبها.",
                 "wilaya_code": "05"}
                """)
            #expect(draft.status == .created)
            let mine = "/ar/processes/budget-2026/proposals?mine=1"
            // Two citizens open "my proposals": each sees theirs, never the other's kept page.
            #expect(try await world.api(.GET, mine, as: W.author).body.string.contains("مسودة لا يراها غير صاحبها"))
            #expect(!(try await world.api(.GET, mine, as: W.citizen(0)).body.string).contains("مسودة لا يراها غير صاحبها"))
            // The same list for two readers in the same state, then one of them supports a proposal: their page
            // says so, the other's does not.
            let list = "/ar/processes/budget-2026/proposals"
            let before = try await world.api(.GET, list, as: W.citizen(0)).body.string
            #expect(try await world.api(.POST, "/api/v1/proposals/\(shown)/endorsements", as: W.citizen(0)).status == .created)
            let supporter = try await world.api(.GET, list, as: W.citizen(0)).body.string
            let other = try await world.api(.GET, list, as: W.author).body.string
            let supported = app.catalog.text("participation.you_endorsed", in: .ar)
            #expect(!before.contains(supported))
            #expect(supporter.contains(supported))
            #expect(!other.contains(supported))
        }
    }

    @Test func proposalPagesAndCommentsFollowEndorsementsEditsAndNames() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await W.make(app, citizens: 3, threshold: 50)
            let sql = try #require(app.db as? any SQLDatabase)
            let id = try await world.published("ساحة رياضية في الحي", body: "ملعب جواري للشباب.", by: W.author)
            let page = "/ar/proposals/\(id)"
            func html(_ email: String? = nil) async throws -> String {
                let answer = try await world.api(.GET, page, as: email)
                #expect(answer.status == .ok)
                return answer.body.string
            }
            #expect(try await html().contains("صاحب المقترح"))
            // Readers in the same state share a kept page, but never a form token: each view writes its own.
            func tokens(_ page: String) -> [String] {
                page.components(separatedBy: #"name="_form_id" value=""#).dropFirst().map { String($0.prefix(while: { $0 != "\"" })) }
            }
            let first = tokens(try await html(W.citizen(1))), second = tokens(try await html(W.citizen(2)))
            #expect(!first.isEmpty && first.count == second.count)
            #expect(Set(first).isDisjoint(with: second))
            #expect(first.allSatisfy { $0.count >= 40 })
            // The page as cached, then an endorsement: the count moves on the next view.
            let before = try await html(W.citizen(2))
            #expect(try await world.api(.POST, "/api/v1/proposals/\(id)/endorsements", as: W.citizen(0)).status == .created)
            let after = try await html(W.citizen(2))
            #expect(!before.contains("تأييد واحد من"))
            #expect(after.contains("تأييد واحد من"))

            // A comment, read (and cached), edited, then its author renamed and erased.
            clock.advance(by: 60)
            let posted = try await world.api(.POST, "/api/v1/comments", as: W.citizen(1), json: """
                {"subject_type": "proposal", "subject_id": "\(id)", "body": "فكرة جيدة", "stance": "for"}
                """)
            #expect(posted.status == .created)
            struct Made: Decodable { let id: UUID }
            let comment = try posted.decoded(Made.self).id
            let list = "/api/v1/comments?subject_type=proposal&subject_id=\(id)"
            #expect(try await world.api(.GET, list, as: nil).body.string.contains("فكرة جيدة"))
            #expect(try await html().contains("فكرة جيدة"))
            #expect(try await world.api(.PATCH, "/api/v1/comments/\(comment)", as: W.citizen(1),
                                        json: #"{"body": "فكرة ممتازة"}"#).status == .ok)
            #expect(try await world.api(.GET, list, as: nil).body.string.contains("فكرة ممتازة"))
            #expect(try await html().contains("فكرة ممتازة"))
            // The viewer's own comment is marked as theirs (may be corrected) even when the page came from memory.
            #expect(try await world.api(.GET, list, as: W.citizen(1)).body.string.contains(#""mine":true"#))
            #expect(try await world.api(.GET, list, as: W.citizen(2)).body.string.contains(#""mine":false"#))
            try await sql.raw("UPDATE users SET display_name = 'اسم جديد' WHERE email = \(bind: W.citizen(1))").run()
            #expect(try await world.api(.GET, list, as: nil).body.string.contains("اسم جديد"))
            #expect(try await html().contains("اسم جديد"))
            try await sql.raw("UPDATE users SET erased_at = \(bind: clock.now()) WHERE email = \(bind: W.citizen(1))").run()
            let erased = try await world.api(.GET, list, as: nil).body.string
            #expect(!erased.contains("اسم جديد"))
            #expect(!(try await html()).contains("اسم جديد"))
            // The organiser renamed: its new name shows on the kept page (the rules name it).
            let observatory = try #require(try await Organization.query(on: app.db)
                .filter(\.$slug == DirectoryDemo.observatorySlug).first())
            observatory.name = Translated(ar: "مرصد المجتمع المدني الجديد", fr: "Observatoire renommé")
            try await observatory.save(on: app.db)
            #expect(try await html(W.citizen(2)).contains("مرصد المجتمع المدني الجديد"))
            // Hidden by a moderator straight in the database: the text leaves the page and the API.
            try await sql.raw("UPDATE comments SET hidden_at = \(bind: clock.now()) WHERE id = \(bind: comment)").run()
            #expect(!(try await world.api(.GET, list, as: nil).body.string).contains("فكرة ممتازة"))
            #expect(!(try await html()).contains("فكرة ممتازة"))
        }
    }
}
