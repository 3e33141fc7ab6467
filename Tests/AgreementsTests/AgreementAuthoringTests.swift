import Agreements
import Directory
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Staff author agreements through the API and the pages; a `GET` answer posted back makes a copy.
@Suite("Authoring agreements")
struct AgreementAuthoringTests {
    struct Answer: Decodable {
        struct Party: Decodable { let id: UUID; let slug: String }
        struct Step: Decodable { let action: String; let actor: String? }
        struct Commitment: Decodable { let owner_id: UUID; let state: String; let due_on: String }
        let id: UUID
        let slug: String
        let state: String
        let parties: [Party]
        let objectives: [Translated]
        let commitments: [Commitment]
        let history: [Step]
    }

    @Test func anAgreementIsCopiedThroughTheAPIThenChanged() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "coordinator@example.org", name: "Nadia", roles: [.coordinator])
            try await makeUser(app, email: "member@example.org", roles: [.member])
            let api = TestAPI(app)
            let original = try await api.call(.GET, "/api/v1/agreements/\(AgreementsDemo.agreementSlug)", as: nil).body.string
            let copy = original.replacingOccurrences(of: "\"\(AgreementsDemo.agreementSlug)\"", with: "\"agreement-copy\"")

            // act
            let refused = try await api.call(.POST, "/api/v1/agreements", as: "member@example.org", json: copy)
            let created = try await api.call(.POST, "/api/v1/agreements", as: "coordinator@example.org", json: copy)
            let badPatch = try await api.call(.PATCH, "/api/v1/agreements/agreement-copy", as: "coordinator@example.org",
                                              json: #"{"parties": ["tadamoun-batna"], "starts_on": "2026-01-01", "ends_on": "2020-01-01"}"#)
            let patched = try await api.call(.PATCH, "/api/v1/agreements/agreement-copy", as: "coordinator@example.org",
                                             json: #"{"objectives": [{"fr": "Un seul objectif"}]}"#)

            // assert
            #expect(refused.status == .forbidden)
            #expect(created.status == .created)
            let source = try JSONDecoder().decode(Answer.self, from: Data(original.utf8))
            let made = try created.decoded(Answer.self)
            #expect(made.id != source.id && made.state == "draft")
            #expect(made.parties.map(\.slug) == source.parties.map(\.slug))
            #expect(made.objectives == source.objectives && !made.objectives.isEmpty)
            #expect(made.commitments.map(\.owner_id) == source.commitments.map(\.owner_id))
            #expect(made.commitments.allSatisfy { $0.state == "planned" })
            #expect(badPatch.status == .unprocessableEntity && badPatch.body.string.contains(#""field":"parties""#)
                && badPatch.body.string.contains(#""field":"ends_on""#))
            let final = try patched.decoded(Answer.self)
            #expect(final.objectives == [Translated(fr: "Un seul objectif")])
            #expect(final.history.map(\.action) == ["create", "edit"] && final.history.allSatisfy { $0.actor == "Nadia" })
        }
    }

    @Test func staffCreateAnAgreementOnTheSiteAndAddACommitment() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let staff = Browser(app)
            try await signIn(staff, email: "coordinator@example.org")
            let organizations = try await Organization.query(on: app.db)
                .filter(\.$slug ~~ [DirectoryDemo.networkSlug, "tadamoun-batna"]).all()
            let network = try #require(organizations.first { $0.slug == DirectoryDemo.networkSlug })
            let tadamoun = try #require(organizations.first { $0.slug == "tadamoun-batna" })

            // act
            let form = try await staff.get("/fr/agreements/new")
            let refused = try await staff.post("/fr/agreements", form: ["kind": "convention", "title[fr]": "Convention test",
                                                                         "parties[]": network.id!.uuidString])
            let created = try await staff.post("/fr/agreements", form: [
                "kind": "convention", "title[fr]": "Convention de formation", "summary[fr]": "Former les trésoriers.",
                "parties[]": network.id!.uuidString, "starts_on": "2026-01-01", "ends_on": "2027-12-31",
                "objectives[fr]": "Former 20 trésoriers\nPublier un guide", "objectives[ar]": "تكوين 20 أمين مال\nنشر دليل",
            ] , extra: [("parties[]", tadamoun.id!.uuidString)])
            let page = try #require(created.location)
            _ = try await staff.get(page)
            let noOwner = try await staff.post(page + "/commitments", form: ["description[fr]": "Guide", "due_on": "2026-06-30"])
            let commitment = try await staff.post(page + "/commitments", form: [
                "owner_id": tadamoun.id!.uuidString, "description[fr]": "Publier le guide", "due_on": "2026-06-30",
            ])
            let shown = try await staff.get(page).body.string

            // assert
            #expect(form.status == .ok && form.body.string.contains(#"name="parties[]""#))
            #expect(refused.status == .unprocessableEntity
                && refused.body.string.contains("Choisissez au moins deux parties."))
            #expect(created.status == .seeOther && page == "/fr/agreements/convention-de-formation")
            #expect(noOwner.status == .unprocessableEntity)
            #expect(commitment.status == .seeOther)
            #expect(shown.contains("Publier le guide") && shown.contains("Publier un guide") && !shown.contains("نشر دليل"))
            let arabic = try await staff.get(page.replacingOccurrences(of: "/fr/", with: "/ar/")).body.string
            #expect(arabic.contains("نشر دليل"), "each page shows the objectives in its own language")
            let agreement = try #require(try await Agreement.query(on: app.db).filter(\.$slug == "convention-de-formation").first())
            #expect(try await AgreementObjective.query(on: app.db).filter(\.$agreementID == agreement.requireID()).count() == 2)
        }
    }
}
