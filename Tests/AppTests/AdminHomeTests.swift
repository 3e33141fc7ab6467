import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// What waits for staff, who took each step, and notifications that lead somewhere and are then read.
@Suite("Administration home, histories that name people, notifications")
struct AdminHomeTests {
    @Test func theAdministrationHomeListsWhatWaitsForThePersonSignedIn() async throws {
        try await withShabaka(demo: true) { app in
            // setup: a reviewer (applications only), a coordinator (verifications, applications, assignments…)
            try await makeUser(app, email: "reviewer@example.org", roles: [.reviewer])
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            try await makeUser(app, email: "citizen@example.org")
            let reviewer = Browser(app)
            try await signIn(reviewer, email: "reviewer@example.org")
            let coordinator = Browser(app)
            try await signIn(coordinator, email: "coordinator@example.org")
            let citizen = Browser(app)
            try await signIn(citizen, email: "citizen@example.org")

            // act
            let reviewerHome = try await reviewer.get("/fr/admin").body.string
            let coordinatorHome = try await coordinator.get("/fr/admin").body.string
            let refused = try await citizen.get("/fr/admin")
            let citizenNav = try await citizen.get("/fr/").body.string

            // assert: the demo's waiting application and registration, each where it belongs
            #expect(reviewerHome.contains("Demandes d’adhésion à examiner"))
            #expect(reviewerHome.contains("Association des jeunes entrepreneurs – Oran"))
            #expect(!reviewerHome.contains("Organisations à vérifier"))
            #expect(coordinatorHome.contains("Organisations à vérifier"))
            #expect(coordinatorHome.contains("/fr/organizations/palm-heritage-ouargla"))
            #expect(refused.status == .forbidden)
            #expect(!citizenNav.contains(#"href="/fr/admin""#))
            #expect(try await reviewer.get("/fr/").body.string.contains(#"href="/fr/admin""#))
        }
    }

    @Test func thePeopleListIsSearchedAndFilteredByRole() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "admin@example.org", roles: [.admin])
            for index in 1...25 {
                try await makeUser(app, email: "person\(index)@example.org", name: "Personne \(index)")
            }
            try await makeUser(app, email: "samira@example.org", name: "Samira Kaci", roles: [.reviewer])
            let admin = Browser(app)
            try await signIn(admin, email: "admin@example.org")

            // act
            let first = try await admin.get("/fr/admin/users").body.string
            let searched = try await admin.get("/fr/admin/users?q=Samira").body.string
            let byRole = try await admin.get("/fr/admin/users?role=reviewer").body.string
            let tooLong = try await admin.get("/fr/admin/users?q=" + String(repeating: "a", count: 201))

            // assert
            #expect(first.contains("Personnes trouvées : 27") && first.contains(#"rel="next""#))
            #expect(searched.contains("Personnes trouvées : 1") && searched.contains("samira@example.org"))
            #expect(byRole.contains("Personnes trouvées : 1") && byRole.contains("samira@example.org"))
            #expect(tooLong.status == .unprocessableEntity)
        }
    }

    @Test func everyStepNamesThePersonAndTheirRoleOrSaysAutomatic() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "coordinator@example.org", name: "Nadia Coordinatrice", roles: [.coordinator])
            let api = TestAPI(app)
            let browser = Browser(app)
            try await signIn(browser, email: "coordinator@example.org")

            // act: verify the demo's waiting registration (its first step was the demo's, automatic)
            let verified = try await api.call(.POST, "/api/v1/organizations/palm-heritage-ouargla/transitions",
                                              as: "coordinator@example.org", json: #"{"action": "verify"}"#)
            let page = try await browser.get("/fr/organizations/palm-heritage-ouargla").body.string

            // assert
            struct Answer: Decodable {
                struct Step: Decodable {
                    let action: String
                    let actor_kind: String
                    let actor: String?
                    let actor_role: String?
                }
                let verification_history: [Step]
            }
            let history = try verified.decoded(Answer.self).verification_history
            #expect(history.map(\.actor_kind) == ["automatic", "person"])
            #expect(history.last?.actor == "Nadia Coordinatrice" && history.last?.actor_role == "coordinator")
            #expect(page.contains("Nadia Coordinatrice (Coordinateur"))
            #expect(page.contains("automatique"))
            #expect(!page.contains("· user ·") && !page.contains("· system ·"))
        }
    }

    @Test func openingANotificationMarksItReadAndLeadsToItsPage() async throws {
        try await withShabaka(demo: true) { app in
            // setup: a registration tells the coordinator
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            try await makeUser(app, email: "amina@example.org")
            _ = try await TestAPI(app).call(.POST, "/api/v1/organizations", as: "amina@example.org", json: """
                {"kind": "association", "name": {"fr": "Association Zitouna"}, "wilaya_code": "16",
                 "accreditation_number": "16/2021/3", "accreditation_date": "2021-01-01", "domains": ["sse.agriculture"],
                 "representative_role": "president"}
                """)
            let browser = Browser(app)
            try await signIn(browser, email: "coordinator@example.org")

            // act
            let list = try await browser.get("/fr/notifications").body.string
            let notification = try #require(try await UserNotification.query(on: app.db)
                .filter(\.$messageKey == "notification.organization_registered").first())
            let opened = try await browser.post("/fr/notifications/\(notification.id!)/open", form: [:])
            let someoneElses = Browser(app)
            try await signIn(someoneElses, email: "amina@example.org")
            _ = try await someoneElses.get("/fr/notifications")
            let foreign = try await someoneElses.post("/fr/notifications/\(notification.id!)/open", form: [:])

            // assert: a readable time, not ISO; opening leads to the page and marks it read
            #expect(list.contains(#"action="/fr/notifications/\#(notification.id!)/open""#))
            #expect(list.range(of: #"<time datetime="\d{4}-\d{2}-\d{2}T[^"]+">\d{1,2} [a-zéû]+ \d{4} à \d{2}:\d{2}</time>"#,
                               options: .regularExpression) != nil)
            #expect(list.range(of: #"\d{2}:\d{2}:\d{2}Z?</time>"#, options: .regularExpression) == nil)
            #expect(opened.status == .seeOther && opened.location == "/fr/organizations/association-zitouna")
            #expect(try await UserNotification.find(notification.id, on: app.db)?.readAt != nil)
            #expect(foreign.status == .notFound)
        }
    }
}
