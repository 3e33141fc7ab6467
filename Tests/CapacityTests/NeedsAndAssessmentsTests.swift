import Capacity
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Training needs declared by associations and read as demand by organisers, linked to the events that answer them;
/// the yearly self-assessment, its profile over the years, the training it suggests, and the network's anonymous
/// averages.
@Suite("Capacity: training needs and self-assessment")
struct NeedsAndAssessmentsTests {
    typealias W = CapacityWorld

    struct Need: Decodable { let id: String; let domain_code: String; let event_ids: [String] }
    struct Demand: Decodable { let domain_code: String; let wilaya_code: String; let associations: Int; let people: Int; let answered: Int }

    @Test func anAssociationDeclaresANeedThatOrganisersSeeAsDemandAndAnEventAnswers() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app)
            let batna = try await world.organization("tadamoun-batna")
            let declared = try await world.api(.POST, "/api/v1/training-needs", as: W.representative, json: """
                {"organization_id": "\(batna)", "domain_code": "sse.finance", "dimension": "finances",
                 "description": "إعداد الحصيلة المالية", "people": 2}
                """)
            #expect(declared.status == .created, "\(declared.body.string)")
            let need = try declared.decoded(Need.self)
            // refusals: another association's name, a domain that does not exist, a citizen
            let other = try await world.organization("nour-women-ghardaia")
            let foreign = try await world.api(.POST, "/api/v1/training-needs", as: W.representative, json: """
                {"organization_id": "\(other)", "domain_code": "sse.finance", "description": "x"}
                """)
            #expect(foreign.status == .forbidden)
            let wrong = try await world.api(.POST, "/api/v1/training-needs", as: W.representative, json: """
                {"organization_id": "\(batna)", "domain_code": "nothing", "description": "", "people": 0}
                """)
            #expect(try wrong.decoded(TestProblem.self).errors.map(\.field).sorted() == ["description", "domain_code", "people"])
            // the demand: the demo's two finance needs (Batna and Ghardaia) and this one
            let demand = try await world.api(.GET, "/api/v1/training-needs/demand?domain=sse.finance", as: W.coordinator)
                .decoded([Demand].self)
            let batnaLine = try #require(demand.first { $0.wilaya_code == "05" })
            #expect(batnaLine.associations == 1 && batnaLine.people == 3 + 2 && batnaLine.answered == 1)
            #expect(try await world.api(.GET, "/api/v1/training-needs/demand", as: W.citizen(0)).status == .forbidden)
            // an event in the domain answers it
            let id = try await world.event(capacity: 10, days: 5)
            let put = try await world.api(.PUT, "/api/v1/events/\(id)", as: W.coordinator, json: """
                {"kind": "training", "title": {"ar": "المالية"}, "programme": {"ar": "ب"},
                 "starts_at": "2026-03-07T09:00", "ends_at": "2026-03-07T16:00", "wilaya_code": "05", "capacity": 10,
                 "domain_codes": ["sse.finance"]}
                """)
            #expect(put.status == .ok, "\(put.body.string)")
            let linked = try await world.api(.PUT, "/api/v1/events/\(id)/needs", as: W.coordinator,
                                             json: #"{"need_ids": ["\#(need.id)"]}"#)
            #expect(linked.status == .ok, "\(linked.body.string)")
            let mine = try await world.api(.GET, "/api/v1/training-needs", as: W.representative).decoded([Need].self)
            #expect(mine.first { $0.id == need.id }?.event_ids == [id])
            // the page shows the association its needs, the organiser the demand
            let page = try await world.api(.GET, "/ar/training-needs", as: W.coordinator, language: "ar").body.string
            #expect(page.contains("التمويل التضامني والقرض المصغر"))
        }
    }

    struct Row: Decodable { let year: Int; let levels: [String: Int]; let weak: [String] }
    struct Aggregate: Decodable { let associations: Int; let means: [String: Double]; let suppressed: Bool }

    /// A need declared by mistake is withdrawn by its association (after a confirmation page) or through the API;
    /// another association's representative may not; it leaves the demand and the event that answered it.
    @Test func aNeedIsWithdrawnByItsAssociationOnlyAndLeavesTheDemandAndTheEvent() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app)
            _ = try await makeRepresentative(app, email: "other@example.org", of: "nour-women-ghardaia")
            let batna = try await world.organization("tadamoun-batna")
            func declare(_ text: String) async throws -> Need {
                try await world.api(.POST, "/api/v1/training-needs", as: W.representative, json: """
                    {"organization_id": "\(batna)", "domain_code": "sse.entrepreneurship", "description": "\(text)", "people": 3}
                    """).decoded(Need.self)
            }
            let first = try await declare("حاجة مسجلة خطأ")
            let second = try await declare("حاجة ثانية للسحب")
            let event = try await world.event(capacity: 5)
            #expect(try await world.api(.PUT, "/api/v1/events/\(event)/needs", as: W.coordinator,
                                        json: #"{"need_ids": ["\#(first.id)"]}"#).status == .ok)
            func batnaDemand() async throws -> Demand? {
                try await world.api(.GET, "/api/v1/training-needs/demand?domain=sse.entrepreneurship&wilaya=05", as: W.coordinator)
                    .decoded([Demand].self).first
            }
            let before = try #require(try await batnaDemand())

            // another association's representative and a stranger's address are refused
            #expect(try await world.api(.DELETE, "/api/v1/training-needs/\(first.id)", as: "other@example.org").status == .forbidden)
            #expect(try await world.api(.DELETE, "/api/v1/training-needs/\(UUID())", as: W.representative).status == .notFound)

            // on the page: a question first, then gone, with its link to the event
            let rep = Browser(app)
            try await signIn(rep, email: W.representative)
            let page = try await rep.get("/ar/training-needs")
            #expect(page.body.string.contains("/ar/training-needs/\(first.id)/withdraw"))
            let asked = try await rep.post("/ar/training-needs/\(first.id)/withdraw", form: [:])
            #expect(asked.status == .ok && asked.body.string.contains("حاجة مسجلة خطأ"))
            #expect(try await TrainingNeed.find(UUID(uuidString: first.id), on: app.db) != nil)
            let done = try await rep.post("/ar/training-needs/\(first.id)/withdraw", form: ["confirmed": "yes"])
            #expect(done.status == .seeOther)
            #expect(try await TrainingNeed.find(UUID(uuidString: first.id), on: app.db) == nil)
            #expect(try await EventNeed.query(on: app.db).filter(\.$eventID == UUID(uuidString: event)!).count() == 0)
            // and the second through the API
            #expect(try await world.api(.DELETE, "/api/v1/training-needs/\(second.id)", as: W.representative).status == .noContent)
            let after = try await batnaDemand()
            #expect((after?.people ?? 0) == before.people - 6)
        }
    }

    @Test func aSelfAssessmentOnceAYearShowsTheProfileSuggestsTrainingAndStaysAnonymousInTheNetwork() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app)
            let batna = try await world.organization("tadamoun-batna")
            let levels = #""governance": 3, "finances": 2, "project_management": 4, "human_resources": 3, "partnerships": 3"#
            let missing = try await world.api(.POST, "/api/v1/assessments", as: W.representative,
                                              json: #"{"organization_id": "\#(batna)", "levels": {\#(levels)}}"#)
            #expect(try missing.decoded(TestProblem.self).errors.map(\.field) == ["levels.communication"])
            let saved = try await world.api(.POST, "/api/v1/assessments", as: W.representative,
                                            json: #"{"organization_id": "\#(batna)", "levels": {\#(levels), "communication": 1}}"#)
            #expect(saved.status == .created, "\(saved.body.string)")
            // saved again the same year: the year's assessment changes, no second one
            _ = try await world.api(.POST, "/api/v1/assessments", as: W.representative,
                                    json: #"{"organization_id": "\#(batna)", "levels": {\#(levels), "communication": 2}}"#)
            let profile = try await world.api(.GET, "/api/v1/assessments", as: W.representative).decoded([Row].self)
            #expect(profile.map(\.year) == [2025, 2026])
            #expect(profile.last?.levels["communication"] == 2 && profile.last?.weak == ["finances", "communication"])
            #expect(try await world.api(.POST, "/api/v1/assessments", as: W.citizen(0), json: """
                {"organization_id": "\(batna)", "levels": {\(levels), "communication": 2}}
                """).status == .forbidden)
            // the network: the four demo associations this year; one wilaya alone is too few to show
            let all = try await world.api(.GET, "/api/v1/assessments/aggregates?year=2026", as: nil).decoded(Aggregate.self)
            #expect(all.associations == 4 && !all.suppressed)
            #expect(all.means["finances"] == 2.3 && all.means["governance"] == 2.5)
            let batnaOnly = try await world.api(.GET, "/api/v1/assessments/aggregates?year=2026&wilaya=05", as: nil)
                .decoded(Aggregate.self)
            #expect(batnaOnly.suppressed && batnaOnly.means.isEmpty)
            // the page: the grid with its descriptors in Arabic, the profile, the suggested training
            let page = try await world.api(.GET, "/ar/assessments", as: W.representative, language: "ar").body.string
            #expect(page.contains("دفتر للإيرادات والنفقات، دون ميزانية تقديرية."))
            #expect(page.contains("training-needs?dimension=finances"))
        }
    }
}
