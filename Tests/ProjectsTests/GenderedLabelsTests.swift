import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// Labels about a person agree with their sex when they gave it (خبيرة / خبير, experte / expert); when they did
/// not, the usual form stays.
@Suite("Labels for a person agree with their sex")
struct GenderedLabelsTests {
    @Test func aWomanExpertsPageAndCardSayExperteAndKhabira() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "nadia@example.org", name: "Nadia")
            let browser = Browser(app)
            try await signIn(browser, email: "nadia@example.org")
            let form = try await browser.get("/ar/account/profile")

            // act: a public field-expert profile, saying she is a woman
            let saved = try await browser.post("/ar/account/profile", form: [
                "display_name": "نادية بلقاسم", "kind": "expert", "sex": "f", "availability": "available",
                "languages[]": "ar", "expertise[]": "sse.finance", "public": "1",
            ])
            let person = try #require(try await Person.query(on: app.db).filter(\.$displayName == "نادية بلقاسم").first())
            let arabic = try await app.testing().sendRequest(.GET, "/ar/people/\(person.id!)").body.string
            let french = try await app.testing().sendRequest(.GET, "/fr/people/\(person.id!)").body.string
            let english = try await app.testing().sendRequest(.GET, "/en/people/\(person.id!)").body.string
            let experts = try await app.testing().sendRequest(.GET, "/fr/experts?domain=sse.finance").body.string
            let api = try await app.testing().sendRequest(.GET, "/api/v1/people/\(person.id!)").body.string
            let own = try await browser.get("/ar/account/profile").body.string

            // assert
            #expect(form.body.string.contains(#"<select id="sex" name="sex""#))
            #expect(saved.status == .seeOther)
            #expect(person.sex == .f)
            #expect(arabic.contains("خبيرة ميدانية") && arabic.contains("متوفرة"))
            #expect(french.contains("Experte de terrain"))
            #expect(english.contains("Field expert"))
            #expect(experts.contains("Experte de terrain") && experts.contains("Expert de terrain"))   // and Karim
            #expect(api.contains(#""sex":"f""#))
            #expect(own.contains(#"<option value="expert" selected>خبيرة ميدانية</option>"#))

            // act: she takes the answer back: the usual form again
            try await browser.post("/ar/account/profile", form: [
                "display_name": "نادية بلقاسم", "kind": "expert", "sex": "", "availability": "available",
                "languages[]": "ar", "expertise[]": "sse.finance", "public": "1",
            ])
            let unsaid = try await app.testing().sendRequest(.GET, "/fr/people/\(person.id!)").body.string
            let wrong = try await browser.post("/ar/account/profile", form: ["display_name": "نادية", "sex": "x"])
            #expect(unsaid.contains("Expert de terrain") && !unsaid.contains("Experte"))
            #expect(try await Person.find(person.id, on: app.db)?.sex == nil)
            #expect(wrong.status == .unprocessableEntity)
        }
    }

    @Test func theExpertsRankedForARequestReadInTheirOwnForm() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let academic = try #require(try await Person.query(on: app.db).filter(\.$displayName == "د. سعاد بن علي").first())

            // act: help with solidarity finance, in French, in Algiers: the consultant (a man) and the SSE academic
            // (a woman) are proposed
            let created = try await world.api(.POST, "/api/v1/expertise-requests", as: ProjectsWorld.representative, json: """
                {"organization_id": "\(world.association.id!)", "domain_code": "sse.finance", "wilaya_code": "16",
                 "language": "fr", "subject": "Comptabilité", "description": "Tenir les comptes."}
                """)
            struct Created: Decodable { let id: UUID }
            let id = try created.decoded(Created.self).id
            let staff = try await app.testing().sendRequest(.GET, "/ar/expertise/\(id)",
                headers: ["Authorization": "Bearer \(try await world.token(ProjectsWorld.coordinator))"]).body.string
            let profile = try await app.testing().sendRequest(.GET, "/ar/people/\(academic.id!)").body.string

            // assert
            #expect(staff.contains("تعيين هذا الخبير") && staff.contains("تعيين هذه الخبيرة"))
            #expect(staff.contains("يعمل في مجال") && staff.contains("تعمل في مجال قريب"))
            #expect(staff.contains("مقيم في") && staff.contains("متوفرة"))
            #expect(profile.contains("أكاديمية"))
        }
    }
}
