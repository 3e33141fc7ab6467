import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// An association corrects its draft project, through the API and its page, until it sends it for review.
@Suite("Correcting a draft project")
struct ProjectEditTests {
    struct Answer: Decodable {
        struct Step: Decodable { let action: String }
        let title: Translated
        let budget_minor: Int64
        let state: String
        let history: [Step]
    }

    @Test func theAssociationCorrectsItsDraftUntilItIsSent() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            let world = try await ProjectsWorld.make(app)
            typealias W = ProjectsWorld
            let created = try await world.api(.POST, "/api/v1/projects", as: W.representative, json: world.projectJSON)
            #expect(created.status == .created)
            let path = "/api/v1/projects/batna-honey-cooperative"

            // act: through the API, then on the page
            let stranger = try await world.api(.PATCH, path, as: W.companyRep, json: #"{"title": {"fr": "Autre"}}"#)
            let bad = try await world.api(.PATCH, path, as: W.representative, json: #"{"budget_minor": -5, "ends_on": "2020-01-01"}"#)
            let patched = try await world.api(.PATCH, path, as: W.representative,
                                              json: #"{"title": {"fr": "Coopérative du miel des Aurès"}}"#)
            let browser = Browser(app)
            try await signIn(browser, email: W.representative)
            let form = try await browser.get("/fr/projects/batna-honey-cooperative/edit")
            let saved = try await browser.post("/fr/projects/batna-honey-cooperative/edit", form: [
                "title[ar]": "تعاونية العسل الجبلي", "title[fr]": "Coopérative du miel des Aurès", "summary": "Regrouper la récolte.",
                "social_need": "Revenus faibles.", "beneficiaries": "30", "domain_code": "sse.agriculture", "wilaya_code": "05",
                "budget_minor": "1600000", "funding": "وزارة الفلاحة: 1000000", "starts_on": "2026-02-01",
                "ends_on": "2027-12-31", "expected_jobs": "7",
            ])
            _ = try await world.api(.POST, path + "/transitions", as: W.representative, json: #"{"action": "submit"}"#)
            let late = try await world.api(.PATCH, path, as: W.representative, json: #"{"expected_jobs": 9}"#)
            let lateForm = try await browser.get("/fr/projects/batna-honey-cooperative/edit")

            // assert
            #expect(stranger.status == .notFound, "a draft is not shown to others")
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains(#""field":"budget_minor""#)
                && bad.body.string.contains(#""field":"ends_on""#))
            let answer = try patched.decoded(Answer.self)
            #expect(answer.title.fr == "Coopérative du miel des Aurès" && answer.title.ar == "تعاونية العسل الجبلي",
                    "a text in one language leaves the others")
            #expect(form.status == .ok && form.body.string.contains(#"value="Coopérative du miel des Aurès""#)
                && form.body.string.contains(#"value="1500000""#))
            #expect(saved.status == .seeOther)
            let final = try await world.api(.GET, path, as: W.representative).decoded(Answer.self)
            #expect(final.budget_minor == 160_000_000)
            #expect(final.history.map(\.action) == ["create", "edit", "edit", "submit"])
            #expect(late.status == .conflict && lateForm.status == .conflict)
        }
    }
}
