import Directory
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Participation
import Platform
import Projects
import ShabakaTestSupport
import SQLKit
import Testing
import VaporTesting

@Suite("A proposal's life through the API")
struct ProposalLifeTests {
    typealias W = ParticipationWorld

    @Test func draftPublishedEndorsedPastTheThresholdAnsweredAndMadeAProject() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await W.make(app, threshold: 3, settings: #""endorsements_per_person": 5,"#)

            // An earlier proposal, then a draft that looks like it: the similar one is offered before publishing.
            let earlier = try await world.published("حديقة عمومية في حي النصر", body: "تهيئة حديقة عمومية للأطفال والعائلات في حي النصر.",
                                                    by: W.citizen(5))
            let created = try await world.api(.POST, "/api/v1/proposals", as: W.author, json: """
                {"process_id": "\(world.processID)", "title": "حديقة للأطفال في حي النصر",
                 "body": "نقترح حديقة عمومية للعائلات والأطفال قرب المدرسة.", "wilaya_code": "05"}
                """)
            #expect(created.status == .created)
            let draft = try created.decoded(ProposalAnswer.self)
            #expect(draft.state == "draft")
            let similar = try await world.api(.GET, "/api/v1/proposals/similar?process=budget-2026&title=%D8%AD%D8%AF%D9%8A%D9%82%D8%A9%20%D9%84%D9%84%D8%A3%D8%B7%D9%81%D8%A7%D9%84&body=", as: W.author)
            struct Similar: Decodable { let id: UUID }
            #expect(try similar.decoded([Similar].self).map(\.id).contains(earlier))
            // A draft is its author's: others do not see it, and it takes no support.
            #expect(try await world.api(.GET, "/api/v1/proposals/\(draft.id)", as: W.citizen(0)).status == .notFound)
            let path = "/api/v1/proposals/\(draft.id)"
            #expect(try await world.api(.POST, path + "/endorsements", as: W.citizen(0)).status == .notFound)

            // Published by its author only.
            #expect(try await world.api(.POST, path + "/transitions", as: W.citizen(0), json: #"{"action": "publish"}"#).status == .notFound)
            #expect(try await world.api(.POST, path + "/transitions", as: W.author, json: #"{"action": "publish"}"#).state == "published")

            // Before any endorsement the author edits freely: no version is kept.
            let freeEdit = try await world.api(.PATCH, path, as: W.author, json: #"{"title": "حديقة عمومية للأطفال في حي النصر"}"#)
            #expect(try freeEdit.decoded(ProposalAnswer.self).version == 1)

            // Endorsed, taken back, endorsed again; the count is the rows' count.
            func endorse(_ email: String) async throws -> TestingHTTPResponse {
                try await world.api(.POST, path + "/endorsements", as: email)
            }
            #expect(try await endorse(W.citizen(0)).status == .created)
            let second = try await endorse(W.citizen(1))
            #expect(try second.decoded(ProposalAnswer.self).endorsements == 2)
            let back = try await world.api(.DELETE, path + "/endorsements", as: W.citizen(1))
            #expect(try back.decoded(ProposalAnswer.self).endorsements == 1)
            #expect(try await endorse(W.citizen(1)).status == .created)
            // The same person twice: refused, counted once.
            let twice = try await endorse(W.citizen(0))
            #expect(twice.status == .conflict)
            #expect(twice.body.string.contains("participation.already_endorsed"))

            // Locked text: a correction needs its reason, keeps the former text and tells the endorsers.
            let unexplained = try await world.api(.PATCH, path, as: W.author, json: #"{"body": "نص مصحح دون سبب مذكور هنا."}"#)
            #expect(unexplained.status == .unprocessableEntity)
            #expect(unexplained.body.string.contains("\"reason\""))
            let corrected = try await world.api(.PATCH, path, as: W.author, json: """
                {"body": "نقترح حديقة عمومية للعائلات والأطفال قرب المدرسة الابتدائية.", "reason": "تدقيق المكان"}
                """)
            let correctedAnswer = try corrected.decoded(ProposalAnswer.self)
            #expect(correctedAnswer.version == 2)
            #expect(correctedAnswer.versions.map(\.version) == [1])
            #expect(correctedAnswer.versions.first?.reason == "تدقيق المكان")
            let told = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.proposal_corrected").count()
            #expect(told == 2)

            // The third endorsement reaches the threshold: it is marked once, support is final from then on.
            let third = try await endorse(W.citizen(2))
            let reached = try third.decoded(ProposalAnswer.self)
            #expect(reached.endorsements == 3)
            #expect(reached.threshold_reached_at != nil)
            let final = try await world.api(.DELETE, path + "/endorsements", as: W.citizen(2))
            #expect(final.status == .conflict)
            #expect(final.body.string.contains("participation.threshold_reached"))
            #expect(try await Endorsement.query(on: app.db).filter(\.$proposalID == draft.id).count() == 3)

            // The organiser assigns an evaluator, who studies it in private.
            let evaluator = try #require(try await User.query(on: app.db).filter(\.$email == W.evaluator).first())
            let assigned = try await world.api(.POST, path + "/evaluators", as: W.coordinator,
                                               json: #"{"evaluator_id": "\#(try evaluator.requireID())"}"#)
            #expect(assigned.status == .ok)
            #expect(try await world.api(.PUT, path + "/evaluation", as: W.citizen(0),
                                        json: #"{"notes": "x"}"#).status == .forbidden)
            let studied = try await world.api(.PUT, path + "/evaluation", as: W.evaluator,
                                              json: #"{"notes": "ممكن بميزانية البلدية", "cost_minor": 250000000, "feasibility": "feasible"}"#)
            #expect(studied.status == .ok)

            // Answered, to be published on a later day: nobody but the organisers sees it meanwhile.
            let answered = try await world.api(.POST, path + "/answer", as: W.coordinator,
                                               json: #"{"state": "accepted", "reason": "مقبول ضمن ميزانية 2026", "publish_on": "2026-03-20"}"#)
            #expect(try answered.decoded(ProposalAnswer.self).answer?.published_at == nil)
            let meanwhile = try await world.api(.GET, path, as: W.citizen(0)).decoded(ProposalAnswer.self)
            #expect(meanwhile.answer == nil)
            #expect(meanwhile.state == "published")
            // The organiser publishes every pending answer now.
            let publishedNow = try await world.api(.POST, "/api/v1/processes/budget-2026/answers", as: W.coordinator, json: "{}")
            #expect(publishedNow.body.string.contains("\"published\":1"))
            let accepted = try await world.api(.GET, path, as: W.citizen(0)).decoded(ProposalAnswer.self)
            #expect(accepted.state == "accepted")
            #expect(accepted.answer?.reason == "مقبول ضمن ميزانية 2026")
            #expect(try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.proposal_answered").count() >= 1)

            // It becomes a project of the Projects room, linked both ways.
            let association = try #require(try await Organization.query(on: app.db).filter(\.$slug == "tadamoun-batna").first())
            let made = try await world.api(.POST, path + "/project", as: W.coordinator, json: """
                {"organization_id": "\(try association.requireID())", "social_need": "لا فضاء للعب في الحي.",
                 "beneficiaries": "300 عائلة", "budget_minor": 250000000, "starts_on": "2026-06-01",
                 "ends_on": "2026-12-31", "expected_jobs": 2, "domain_code": "sse.agriculture"}
                """)
            #expect(made.status == .created, "\(made.body.string)")
            struct Made: Decodable { let project_id: UUID; let slug: String }
            let project = try made.decoded(Made.self)
            let linked = try await world.api(.GET, path, as: W.citizen(0)).decoded(ProposalAnswer.self)
            #expect(linked.project_id == project.project_id)
            struct ProjectAnswer: Decodable {
                struct Origin: Decodable { let kind: String; let id: UUID }
                let state: String
                let origin: Origin?
            }
            let projectAnswer = try await world.api(.GET, "/api/v1/projects/\(project.slug)", as: W.coordinator)
                .decoded(ProjectAnswer.self)
            #expect(projectAnswer.origin?.id == draft.id)
            #expect(projectAnswer.origin?.kind == "proposal")
            #expect(projectAnswer.state == "draft")
            // Once made, not twice.
            #expect(try await world.api(.POST, path + "/project", as: W.coordinator, json: "{}").status == .conflict)
        }
    }

    @Test func aHundredConcurrentEndorsementsByOnePersonLeaveOneAndTheLimitHoldsUnderConcurrency() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app, citizens: 2, threshold: 1000, settings: #""endorsements_per_person": 3,"#)
            let token = try await world.client.token(W.citizen(0))
            var made: [UUID] = []
            for index in 0..<6 {
                made.append(try await world.published("مقترح رقم \(index) لتحسين الحي", body: "وصف المقترح رقم \(index) بالتفصيل الكافي.",
                                                           by: W.author))
            }
            let proposals = made
            let statuses = NIOLockedValueBox<[HTTPResponseStatus]>([])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<100 {
                    group.addTask {
                        let response = try await apiCall(app, .POST, "/api/v1/proposals/\(proposals[0])/endorsements", token: token)
                        statuses.withLockedValue { $0.append(response.status) }
                    }
                }
                try await group.waitForAll()
            }
            let all = statuses.withLockedValue { $0 }
            #expect(all.filter { $0 == .created }.count == 1)
            #expect(all.filter { $0 == .conflict }.count == 99)
            #expect(!all.contains(.internalServerError))
            let answer = try await world.api(.GET, "/api/v1/proposals/\(proposals[0])", as: W.citizen(1)).decoded(ProposalAnswer.self)
            #expect(answer.endorsements == 1)
            #expect(try await Endorsement.query(on: app.db).filter(\.$processID == world.processID).count() == 1)

            // The limit of 3 per person, asked for five other proposals at once: two more pass.
            let limited = NIOLockedValueBox<[HTTPResponseStatus]>([])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for proposal in proposals.dropFirst() {
                    group.addTask {
                        let response = try await apiCall(app, .POST, "/api/v1/proposals/\(proposal)/endorsements", token: token)
                        limited.withLockedValue { $0.append(response.status) }
                    }
                }
                try await group.waitForAll()
            }
            #expect(limited.withLockedValue { $0 }.filter { $0 == .created }.count == 2)
            #expect(try await Endorsement.query(on: app.db).filter(\.$processID == world.processID).count() == 3)
            // The stored counts agree with the rows, proposal by proposal.
            guard let sql = app.db as? any SQLDatabase else { return }
            let mismatched = try await sql.raw("""
                SELECT COUNT(*) AS n FROM proposals p WHERE p.endorsement_count <>
                  (SELECT COUNT(*) FROM proposal_endorsements e WHERE e.proposal_id = p.id)
                """).first()?.decode(column: "n", as: Int.self)
            #expect(mismatched == 0)
        }
    }

    @Test func refusalsSayWhatIsOpenAndWhy() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await W.make(app, threshold: 2)
            let id = try await world.published("مكتبة بلدية في وسط المدينة", body: "فتح مكتبة بلدية مع قاعة مطالعة للشباب.", by: W.author)
            // Bad input: every field at once.
            let bad = try await world.api(.POST, "/api/v1/proposals", as: W.author, json: """
                {"process_id": "\(world.processID)", "title": "قصير", "body": "", "wilaya_code": "99", "domain_code": "nope"}
                """)
            #expect(bad.status == .unprocessableEntity)
            for field in ["\"title\"", "\"body\"", "\"wilaya_code\"", "\"domain_code\""] { #expect(bad.body.string.contains(field)) }
            // In the follow-up phase, endorsing is closed: the refusal says what is not open, in the reader's language.
            clock.advance(by: 87 * 86_400)  // 2026-05-28
            let closed = try await world.api(.POST, "/api/v1/proposals/\(id)/endorsements", as: W.citizen(0), language: "fr")
            #expect(closed.status == .conflict)
            #expect(closed.body.string.contains("participation.not_open"))
            // Withdrawn by its author only, then it takes no support.
            clock.advance(by: -87 * 86_400)
            #expect(try await world.api(.POST, "/api/v1/proposals/\(id)/transitions", as: W.citizen(0),
                                        json: #"{"action": "withdraw"}"#).status == .forbidden)
            #expect(try await world.api(.POST, "/api/v1/proposals/\(id)/transitions", as: W.author,
                                        json: #"{"action": "withdraw"}"#).state == "withdrawn")
            #expect(try await world.api(.POST, "/api/v1/proposals/\(id)/endorsements", as: W.citizen(0)).status == .conflict)
        }
    }
}
