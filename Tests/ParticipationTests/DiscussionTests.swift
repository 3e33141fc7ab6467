import Directory
import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import SQLKit
import Testing
import VaporTesting

/// Comments page by page, moderation (reports, hiding, suspension, pre-moderation, the posting limit), following
/// with its one-click unsubscribe, assisted endorsements, and statistics that survive an erased account.
@Suite("Discussion, moderation and following")
struct DiscussionTests {
    typealias W = ParticipationWorld

    struct Page: Decodable {
        struct Row: Decodable {
            let id: UUID
            let body: String
            let reply_count: Int
            let hidden: Bool
            let replies: [Row]
        }
        struct Info: Decodable { let number: Int; let size: Int; let total: Int }
        let items: [Row]
        let page: Info
    }

    @Test func commentsComePageByPageWithTheirFirstRepliesAndRepliesTheirOwnPages() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await W.make(app, citizens: 3)
            let id = try await world.published("ساحة رياضية في الحي الجديد", body: "ملعب جواري مفتوح للشباب والشابات بعد الدراسة.", by: W.author)
            func post(_ body: String, parent: UUID? = nil, as email: String) async throws -> UUID {
                clock.advance(by: 7)
                let parentJSON = parent.map { #", "parent_id": "\#($0)""# } ?? ""
                let posted = try await world.api(.POST, "/api/v1/comments", as: email, json: """
                    {"subject_type": "proposal", "subject_id": "\(id)", "body": "\(body)", "stance": "for"\(parentJSON)}
                    """)
                #expect(posted.status == .created, "\(posted.body.string)")
                struct Made: Decodable { let id: UUID }
                return try posted.decoded(Made.self).id
            }
            // 25 first-level comments, the first with 5 replies (posting is limited: authors take turns).
            var first: [UUID] = []
            for index in 0..<25 { first.append(try await post("تعليق \(index)", as: W.citizen(index % 3))) }
            for index in 0..<5 { _ = try await post("رد \(index)", parent: first[0], as: W.citizen((index + 1) % 3)) }
            let page1 = try await world.api(.GET, "/api/v1/comments?subject_type=proposal&subject_id=\(id)", as: nil)
                .decoded(Page.self)
            #expect(page1.page.total == 25)
            #expect(page1.items.count == 20)
            #expect(page1.items[0].reply_count == 5)
            #expect(page1.items[0].replies.map(\.body) == ["رد 0", "رد 1", "رد 2"])
            let page2 = try await world.api(.GET, "/api/v1/comments?subject_type=proposal&subject_id=\(id)&page=2", as: nil)
                .decoded(Page.self)
            #expect(page2.items.map(\.body) == (20..<25).map { "تعليق \($0)" })
            let replies = try await world.api(.GET, "/api/v1/comments/\(first[0])/replies?size=2&page=3", as: nil)
                .decoded(Page.self)
            #expect(replies.page.total == 5)
            #expect(replies.items.map(\.body) == ["رد 4"])
            // The stored counts are the rows'.
            let proposal = try #require(try await Proposal.find(id, on: app.db))
            #expect(proposal.commentCount == 30)
            // A bad subject or order is a clear 422, never a 500.
            let bad = try await world.api(.GET, "/api/v1/comments?subject_type=poem&subject_id=x&order=sideways", as: nil)
            #expect(bad.status == .unprocessableEntity)
            for field in ["subject_type", "subject_id", "order"] { #expect(bad.body.string.contains("\"\(field)\"")) }
            // Edited comments say so.
            let edited = try await world.api(.PATCH, "/api/v1/comments/\(first[1])", as: W.citizen(1), json: #"{"body": "تعليق معدل"}"#)
            #expect(edited.body.string.contains("\"edited_at\""))
            #expect(try await world.api(.PATCH, "/api/v1/comments/\(first[1])", as: W.citizen(2),
                                        json: #"{"body": "ليس لي"}"#).status == .forbidden)
        }
    }

    @Test func reportsHidingSuspensionPremoderationAndThePostingLimit() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app, citizens: 3, settings: #""premoderation": false,"#)
            let id = try await world.published("مركز للحرف التقليدية في الأوراس", body: "مركز يجمع الحرفيات ويعرض منتجاتهن للسياح.", by: W.author)
            let posted = try await world.api(.POST, "/api/v1/comments", as: W.citizen(0), json: """
                {"subject_type": "proposal", "subject_id": "\(id)", "body": "كلام مسيء هنا"}
                """)
            struct Made: Decodable { let id: UUID }
            let comment = try posted.decoded(Made.self).id
            // Reported once per person.
            let report = #"{"subject_type": "comment", "subject_id": "\#(comment)", "reason": "offensive"}"#
            #expect(try await world.api(.POST, "/api/v1/reports", as: W.citizen(1), json: report).status == .created)
            #expect(try await world.api(.POST, "/api/v1/reports", as: W.citizen(1), json: report).status == .conflict)
            // "Other" needs its details.
            let vague = try await world.api(.POST, "/api/v1/reports", as: W.citizen(2),
                                            json: #"{"subject_type": "comment", "subject_id": "\#(comment)", "reason": "other"}"#)
            #expect(vague.status == .unprocessableEntity)
            #expect(vague.body.string.contains("\"details\""))
            // Moderation is for moderators, and hiding needs a reason.
            let hide = #"{"subject_type": "comment", "subject_id": "\#(comment)", "action": "hide", "reason": "سبّ"}"#
            #expect(try await world.api(.POST, "/api/v1/moderation/actions", as: W.citizen(2), json: hide).status == .forbidden)
            #expect(try await world.api(.POST, "/api/v1/moderation/actions", as: W.coordinator,
                                        json: #"{"subject_type": "comment", "subject_id": "\#(comment)", "action": "hide"}"#)
                .status == .unprocessableEntity)
            #expect(try await world.api(.POST, "/api/v1/moderation/actions", as: W.coordinator, json: hide).status == .ok)
            let page = try await world.api(.GET, "/api/v1/comments?subject_type=proposal&subject_id=\(id)", as: nil)
                .decoded(Page.self)
            #expect(page.items.first?.hidden == true)
            #expect(page.items.first?.body == "")
            let html = try await Browser(app).get("/en/proposals/\(id)").body.string
            #expect(html.contains("Hidden by moderation."))
            #expect(!html.contains("كلام مسيء هنا"))
            #expect(try await ModerationReport.query(on: app.db).filter(\.$resolvedAt == nil).count() == 0)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "moderation.hidden").all()
            #expect(audit.count == 1)
            #expect(audit.first?.details.contains("سبّ") == true)

            // A suspended account cannot post until the day after its last day; it is told why.
            let citizen = try #require(try await User.query(on: app.db).filter(\.$email == W.citizen(0)).first())
            #expect(try await world.api(.POST, "/api/v1/moderation/suspensions", as: W.coordinator, json: """
                {"user_id": "\(citizen.id!)", "reason": "إساءة متكررة", "until": "2026-03-10"}
                """).status == .created)
            let blocked = try await world.api(.POST, "/api/v1/comments", as: W.citizen(0), json: """
                {"subject_type": "proposal", "subject_id": "\(id)", "body": "محاولة"}
                """)
            #expect(blocked.status == .forbidden)
            #expect(blocked.body.string.contains("participation.suspended"))
            #expect(try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.suspended").count() == 1)

            // Posting is limited per person: the eleventh comment within a minute waits.
            var statuses: [HTTPResponseStatus] = []
            for index in 0..<11 {
                statuses.append(try await world.api(.POST, "/api/v1/comments", as: W.citizen(1), json: """
                    {"subject_type": "proposal", "subject_id": "\(id)", "body": "تعليق سريع \(index)"}
                    """).status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .created })
            #expect(statuses.last == .tooManyRequests)
        }
    }

    @Test func aPremoderatedProcessShowsPostsOnlyOnceApproved() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app, citizens: 2, settings: #""premoderation": true,"#)
            let id = try await world.published("مسبح بلدي مغطى", body: "مسبح مغطى يفتح للمدارس والجمعيات الرياضية طوال السنة.", by: W.author)
            // Waiting: its author sees it, others do not, and it takes no support yet.
            #expect(try await world.api(.GET, "/api/v1/proposals/\(id)", as: W.author).status == .ok)
            #expect(try await world.api(.GET, "/api/v1/proposals/\(id)", as: W.citizen(0)).status == .notFound)
            let list = try await world.api(.GET, "/api/v1/proposals?process=budget-2026", as: W.citizen(0))
            #expect(list.body.string.contains("\"total\":0"))
            #expect(try await world.api(.POST, "/api/v1/moderation/actions", as: W.coordinator, json: """
                {"subject_type": "proposal", "subject_id": "\(id)", "action": "approve"}
                """).status == .ok)
            #expect(try await world.api(.GET, "/api/v1/proposals/\(id)", as: W.citizen(0)).status == .ok)
            // A comment waits too, and is counted once approved.
            struct Made: Decodable { let id: UUID }
            let comment = try await world.api(.POST, "/api/v1/comments", as: W.citizen(0), json: """
                {"subject_type": "proposal", "subject_id": "\(id)", "body": "فكرة رائعة"}
                """).decoded(Made.self).id
            let before = try await world.api(.GET, "/api/v1/comments?subject_type=proposal&subject_id=\(id)", as: W.citizen(1))
            #expect(try before.decoded(Page.self).page.total == 0)
            #expect(try await Proposal.find(id, on: app.db)?.commentCount == 0)
            #expect(try await world.api(.POST, "/api/v1/moderation/actions", as: W.coordinator, json: """
                {"subject_type": "comment", "subject_id": "\(comment)", "action": "approve"}
                """).status == .ok)
            #expect(try await Proposal.find(id, on: app.db)?.commentCount == 1)
        }
    }

    @Test func followersAreToldAndUnsubscribeInOneClickFromTheMail() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await W.make(app, citizens: 2)
            let id = try await world.published("نقل مدرسي تضامني للقرى", body: "حافلة مدرسية تسيرها جمعية أولياء التلاميذ للقرى البعيدة.", by: W.author)
            #expect(try await world.api(.POST, "/api/v1/follows", as: W.citizen(0),
                                        json: #"{"subject_type": "proposal", "subject_id": "\#(id)"}"#).status == .created)
            // Following twice is one follow.
            #expect(try await world.api(.POST, "/api/v1/follows", as: W.citizen(0),
                                        json: #"{"subject_type": "proposal", "subject_id": "\#(id)"}"#).status == .created)
            #expect(try await Follow.query(on: app.db).filter(\.$subjectID == id).count() == 2)  // the author and citizen 0
            _ = try await world.api(.POST, "/api/v1/proposals/\(id)/answer", as: W.coordinator,
                                    json: #"{"state": "evaluating", "reason": "قيد الدراسة مع مديرية التربية"}"#)
            let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == W.citizen(0))
                .sort(\.$createdAt, .descending).first())
            #expect(mail.body.contains("/unsubscribe/"))
            let link = try #require(mail.body.split(separator: "\n").first { $0.contains("/unsubscribe/") })
            let path = String(link[link.range(of: "/ar/")!.lowerBound...])
            // The link opens a page with one button (opening it changes nothing); the button stops the follow.
            let browser = Browser(app)
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(try await Follow.query(on: app.db).filter(\.$subjectID == id).count() == 2)
            #expect(try await browser.post(path, form: [:]).status == .ok)
            #expect(try await Follow.query(on: app.db).filter(\.$subjectID == id).count() == 1)
            // A phase that begins tells the process's followers, once, on the worker's next round.
            _ = try await world.api(.POST, "/api/v1/follows", as: W.citizen(1),
                                    json: #"{"subject_type": "process", "subject_id": "\#(world.processID)"}"#)
            #expect(await runCommand(app, ["participation", "tick"]).output.contains("announced 0 phases"))
            clock.advance(by: 30 * 86_400)  // 2026-04-01: deliberation
            #expect(await runCommand(app, ["participation", "tick"]).output.contains("announced 1 phase"))
            #expect(await runCommand(app, ["participation", "tick"]).output.contains("announced 0 phases"))
            let told = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.phase_changed").all()
            #expect(told.count == 1)
            #expect(told.first?.arguments.contains("Délibération") == false)
            #expect(told.first?.arguments.contains("التداول") == true)
        }
    }

    @Test func assistedEndorsementsAreAuditedKeepNoDocumentNumberAndCountOncePerPerson() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app, citizens: 1)
            let id = try await world.published("سوق للفلاحين في عين التوتة", body: "سوق أسبوعي يبيع فيه الفلاحون منتجاتهم مباشرة.", by: W.author)
            let body = #"{"document_kind": "national_id", "document_number": "1099 8877 66", "demographics": {"wilaya_code": "05", "sex": "f", "age_group": "65_plus"}}"#
            #expect(try await world.api(.POST, "/api/v1/proposals/\(id)/endorsements/assisted", as: W.citizen(0), json: body)
                .status == .forbidden)
            #expect(try await world.api(.POST, "/api/v1/proposals/\(id)/endorsements/assisted", as: W.coordinator, json: body)
                .status == .created)
            // The same person again (spaces differ): refused.
            let again = #"{"document_kind": "national_id", "document_number": "109988776 6"}"#
            #expect(try await world.api(.POST, "/api/v1/proposals/\(id)/endorsements/assisted", as: W.coordinator, json: again)
                .status == .conflict)
            let rows = try await Endorsement.query(on: app.db).filter(\.$proposalID == id).all()
            #expect(rows.count == 1)
            #expect(rows.first?.assistedBy != nil)
            #expect(rows.first?.userID == nil)
            #expect(rows.first?.ageGroup == "65_plus")
            #expect(rows.first?.participantKey.contains("1099887766") == false)
            // Nothing anywhere keeps the number.
            guard let sql = app.db as? any SQLDatabase else { return }
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "proposal.endorsed").all()
            #expect(audit.first?.details.contains("national_id") == true)
            #expect(!audit.contains { $0.details.contains("1099") })
            let leaked = try await sql.raw("SELECT COUNT(*) AS n FROM proposal_endorsements WHERE participant_key LIKE '%1099%'")
                .first()?.decode(column: "n", as: Int.self)
            #expect(leaked == 0)
            // Bad input: every field named.
            let bad = try await world.api(.POST, "/api/v1/proposals/\(id)/endorsements/assisted", as: W.coordinator,
                                          json: #"{"document_kind": "library_card", "document_number": "12", "demographics": {"sex": "x", "age_group": "old"}}"#)
            #expect(bad.status == .unprocessableEntity)
            for field in ["document_kind", "document_number", "sex", "age_group"] { #expect(bad.body.string.contains("\"\(field)\"")) }
        }
    }

    @Test func endorsementStatisticsDoNotMoveWhenAProfileChangesOrAnAccountIsErased() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app, citizens: 2)
            let id = try await world.published("ملعب جواري في حي 500 مسكن", body: "تهيئة ملعب جواري مع إنارة للشباب في الحي.", by: W.author)
            // Demographics given when endorsing are copied onto the endorsement.
            let given = #"{"demographics": {"wilaya_code": "16", "sex": "f", "age_group": "18_24"}}"#
            #expect(try await world.api(.POST, "/api/v1/proposals/\(id)/endorsements", as: W.citizen(0), json: given).status == .created)
            #expect(try await world.api(.POST, "/api/v1/proposals/\(id)/endorsements", as: W.citizen(1),
                                        json: #"{"demographics": {"wilaya_code": "05", "sex": "m"}}"#).status == .created)
            func snapshot() async throws -> [String] {
                try await Endorsement.query(on: app.db).filter(\.$proposalID == id).all()
                    .map { "\($0.wilayaCode ?? "-")/\($0.sex ?? "-")/\($0.ageGroup ?? "-")" }.sorted()
            }
            let before = try await snapshot()
            #expect(before == ["05/m/-", "16/f/18_24"])
            // The first person erases their account: the endorsement stays counted, with what was captured.
            let token = try await world.client.token(W.citizen(0))
            #expect(try await apiCall(app, .DELETE, "/api/v1/me", token: token).status == .noContent)
            #expect(try await snapshot() == before)
            #expect(try await Proposal.find(id, on: app.db)?.endorsementCount == 2)
            #expect(try await Endorsement.query(on: app.db).filter(\.$proposalID == id).filter(\.$userID != nil).count() == 1)
        }
    }
}
