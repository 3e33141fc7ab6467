import Directory
import Fluent
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Membership procedure through the JSON API")
struct MembershipJourneyTests {
    func transition(_ world: MembershipWorld, _ id: UUID, _ action: String, as email: String, reason: String? = nil,
                    language: String = "en") async throws -> TestingHTTPResponse {
        let reasonJSON = reason.map { #", "reason": "\#($0)""# } ?? ""
        return try await world.api(.POST, "/api/v1/membership-applications/\(id)/transitions", as: email,
                                   json: #"{"action": "\#(action)"\#(reasonJSON)}"#, language: language)
    }

    @Test func applyReviewAcceptSuspendReactivate() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            let world = try await MembershipWorld.make(app)

            // act: apply
            let applied = try await world.api(.POST, "/api/v1/membership-applications", as: world.representative,
                                              json: world.applicationJSON)
            #expect(applied.status == .created)
            let id = try applied.decoded(IDState.self).id

            // act: review with the checklist, then accept
            #expect(try await transition(world, id, "start_review", as: world.reviewer).status == .ok)
            let items = MembershipChecklist.items.map { #""\#($0)": true"# }.joined(separator: ", ")
            let checked = try await world.api(.PUT, "/api/v1/membership-applications/\(id)/checklist", as: world.reviewer,
                                              json: #"{"items": {\#(items)}, "note": "ok"}"#)
            #expect(checked.status == .ok)
            let accepted = try await transition(world, id, "accept", as: world.coordinator, reason: "ملف مكتمل")
            #expect(accepted.status == .ok)
            #expect(try accepted.decoded(IDState.self).state == "accepted")

            // act: suspend, then reactivate the new membership
            let organization = try await world.api(.GET, "/api/v1/organizations/youth-entrepreneurs-oran", as: nil)
            struct Org: Decodable { struct M: Decodable { let id: UUID; let state: String }; let memberships: [M] }
            let membership = try #require(try organization.decoded(Org.self).memberships.first)
            #expect(membership.state == "active")
            let suspended = try await world.api(.POST, "/api/v1/memberships/\(membership.id)/transitions", as: world.coordinator,
                                                json: #"{"action": "suspend", "reason": "تقرير مالي غير مودع"}"#)
            #expect(suspended.status == .ok)
            let reactivated = try await world.api(.POST, "/api/v1/memberships/\(membership.id)/transitions",
                                                  as: world.coordinator,
                                                  json: #"{"action": "reactivate", "reason": "تم إيداع التقرير"}"#)
            #expect(reactivated.status == .ok)

            // assert: every step in the history and in the audit log
            let history = try await WorkflowStep.history(workflow: "application", subjectID: id, on: app.db)
            #expect(history.map(\.action) == ["submit", "start_review", "accept"])
            #expect(history.last?.reason == "ملف مكتمل")
            let membershipSteps = try await WorkflowStep.history(workflow: "membership", subjectID: membership.id, on: app.db)
            #expect(membershipSteps.map(\.toState) == ["active", "suspended", "active"])
            let audited = try await AuditEntry.query(on: app.db).all().map(\.action)
            for action in ["application.submit", "application.start_review", "application.checklist_recorded",
                           "application.accept", "membership.admit", "membership.suspend", "membership.reactivate"] {
                #expect(audited.contains(action), "\(action) missing from the audit log")
            }
            #expect(try await AuditLog.verify(on: app.db) == .intact(entries: audited.count))
            // the applicant was told, in the app and by e-mail
            let notifications = try await UserNotification.query(on: app.db).all().map(\.messageKey)
            #expect(notifications.contains("notification.application_accepted"))
            #expect(notifications.contains("notification.membership_suspended"))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == world.representative).count() >= 3)
        }
    }

    @Test func rejectThenApplyAgain() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            let world = try await MembershipWorld.make(app)
            let first = try await world.api(.POST, "/api/v1/membership-applications", as: world.representative,
                                            json: world.applicationJSON).decoded(IDState.self).id

            // act: a second application while one is open is refused
            let duplicate = try await world.api(.POST, "/api/v1/membership-applications", as: world.representative,
                                                json: world.applicationJSON)
            #expect(duplicate.status == .conflict)
            _ = try await transition(world, first, "start_review", as: world.reviewer)
            let rejected = try await transition(world, first, "reject", as: world.coordinator, reason: "الاعتماد منتهي")
            let again = try await world.api(.POST, "/api/v1/membership-applications", as: world.representative,
                                            json: world.applicationJSON)

            // assert
            #expect(rejected.status == .ok)
            #expect(again.status == .created)
            #expect(try again.decoded(IDState.self).state == "submitted")
        }
    }

    @Test func aForbiddenTransitionNamesWhatIsAllowed() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            let world = try await MembershipWorld.make(app)
            let id = try await world.api(.POST, "/api/v1/membership-applications", as: world.representative,
                                         json: world.applicationJSON).decoded(IDState.self).id

            // act
            let tooEarly = try await transition(world, id, "accept", as: world.coordinator, reason: "x", language: "fr")
            let wrongRole = try await transition(world, id, "start_review", as: world.representative, language: "ar")
            _ = try await transition(world, id, "start_review", as: world.reviewer)
            let noReason = try await transition(world, id, "reject", as: world.coordinator)
            let checklistMissing = try await transition(world, id, "accept", as: world.coordinator, reason: "ok")

            // assert
            #expect(tooEarly.status == .conflict)
            #expect(tooEarly.body.string.contains("« Accepter » n'est pas possible tant que le dossier est « Déposée »"))
            #expect(tooEarly.body.string.contains("Commencer l'examen"))
            #expect(wrongRole.status == .forbidden)
            #expect(wrongRole.body.string.contains("مراجع"))
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains(#""field":"reason""#))
            #expect(checklistMissing.status == .conflict)
            #expect(checklistMissing.body.string.contains("accreditation"))
        }
    }

    @Test func onlyARepresentativeMayApplyForAnOrganisation() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            let world = try await MembershipWorld.make(app)
            try await makeUser(app, email: "other@example.org", roles: [.organizationRepresentative])
            try await makeUser(app, email: "citizen@example.org", roles: [.citizen])

            // act
            let stranger = try await world.api(.POST, "/api/v1/membership-applications", as: "other@example.org",
                                               json: world.applicationJSON)
            let citizen = try await world.api(.POST, "/api/v1/membership-applications", as: "citizen@example.org",
                                              json: world.applicationJSON)
            let incomplete = try await world.api(.POST, "/api/v1/membership-applications", as: world.representative,
                                                 json: #"{"motivation": "short"}"#)

            // assert
            #expect(stranger.status == .forbidden)
            #expect(citizen.status == .forbidden)
            #expect(incomplete.status == .unprocessableEntity)
            struct Problem: Decodable { struct F: Decodable { let field: String }; let errors: [F] }
            let fields = Set(try incomplete.decoded(Problem.self).errors.map(\.field))
            #expect(fields.isSuperset(of: ["network_id", "organization_id", "motivation", "references", "domains"]))
        }
    }

    @Test func onlyAssociationsApplyTheNoteStaysAndEveryRepresentativeHearsTheDecision() async throws {
        try await withShabaka(demo: true) { app in
            // setup: a second representative of the association, and a company represented by the same person
            let world = try await MembershipWorld.make(app)
            try await makeRepresentative(app, email: "secretary@example.org", of: world.association.slug)
            let companyBody = #"""
                {"slug": "sahara-company", "kind": "company", "name": {"fr": "Sahara SARL"}, "wilaya_code": "30",
                 "domains": ["sse.agriculture"]}
                """#
            #expect(try await world.api(.POST, "/api/v1/organizations", as: world.coordinator, json: companyBody).status == .created)
            let linked = try await world.api(.POST, "/api/v1/organizations/sahara-company/representatives", as: world.coordinator,
                                             json: #"{"email": "rep@example.org", "role": "president"}"#)
            #expect(linked.status == .created || linked.status == .ok)
            let company = try #require(try await Organization.query(on: app.db).filter(\.$slug == "sahara-company").first())
            let companyJSON = world.applicationJSON.replacingOccurrences(of: world.association.id!.uuidString,
                                                                         with: company.id!.uuidString)
            let browser = Browser(app)
            try await signIn(browser, email: world.representative)

            // act
            let refused = try await world.api(.POST, "/api/v1/membership-applications", as: world.representative,
                                              json: companyJSON)
            let form = try await browser.get("/fr/membership/apply")
            let pageBefore = try await browser.get("/fr/organizations/\(world.association.slug)")
            let id = try await world.api(.POST, "/api/v1/membership-applications", as: world.representative,
                                         json: world.applicationJSON).decoded(IDState.self).id
            let pageWhileOpen = try await browser.get("/fr/organizations/\(world.association.slug)")
            _ = try await transition(world, id, "start_review", as: world.reviewer)
            let items = MembershipChecklist.items.map { #""\#($0)": true"# }.joined(separator: ", ")
            _ = try await world.api(.PUT, "/api/v1/membership-applications/\(id)/checklist", as: world.reviewer,
                                    json: #"{"items": {\#(items)}, "note": "Statuts vérifiés le 2 mars"}"#)
            let shown = try await world.api(.GET, "/api/v1/membership-applications/\(id)", as: world.reviewer)
            let reviewer = Browser(app)
            try await signIn(reviewer, email: world.reviewer)
            let reviewPage = try await reviewer.get("/fr/membership/applications/\(id)")
            _ = try await transition(world, id, "accept", as: world.coordinator, reason: "Dossier complet")
            let pageAfter = try await browser.get("/fr/organizations/\(world.association.slug)")

            // assert: a company is refused on its field; the form offers only associations
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#""field":"organization_id""#))
            #expect(refused.body.string.contains("Only accredited associations join the network"))
            #expect(form.body.string.contains(world.association.id!.uuidString) && !form.body.string.contains(company.id!.uuidString))
            // the "apply" link shows only while the association may apply
            let apply = "/fr/membership/apply?organization="
            #expect(pageBefore.body.string.contains(apply))
            #expect(!pageWhileOpen.body.string.contains(apply) && !pageAfter.body.string.contains(apply))
            // the reviewer's note is kept, in the API and on the page
            #expect(shown.body.string.contains(#""checklist_note":"Statuts vérifiés le 2 mars""#))
            #expect(reviewPage.body.string.contains(">Statuts vérifiés le 2 mars</textarea>"))
            // both representatives are told of the decision, with its reason
            for email in [world.representative, "secretary@example.org"] {
                let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
                let told = try await UserNotification.query(on: app.db).filter(\.$user.$id == user.requireID())
                    .filter(\.$messageKey == "notification.application_accepted").all()
                #expect(told.count == 1 && told.first?.arguments.last == "Dossier complet", "\(email)")
            }
        }
    }
}
