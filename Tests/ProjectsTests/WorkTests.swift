import Agreements
import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Expertise requests, CSR pledges and cooperation through the API")
struct WorkTests {
    struct Expertise: Decodable {
        struct Match: Decodable {
            struct Reason: Decodable { let code: String; let points: Int; let argument: String }
            let person_id: UUID
            let name: String
            let score: Int
            let reasons: [Reason]
        }
        let id: UUID
        let state: String
        let matches: [Match]?
    }

    @Test func expertsAreRankedWithTheirReasonsThenAssignedAndThanked() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await ProjectsWorld.make(app)
            typealias W = ProjectsWorld

            // act: the association asks for help with solidarity finance, in French, in Algiers (16)
            let created = try await world.api(.POST, "/api/v1/expertise-requests", as: W.representative, json: """
                {"organization_id": "\(world.association.id!)", "domain_code": "sse.finance", "wilaya_code": "16",
                 "language": "fr", "subject": "Comptabilité de la coopérative", "description": "Tenir les comptes."}
                """)

            // assert: the association does not see the ranking; staff see the finance consultant first (domain,
            // wilaya, language, available), then the SSE academic (a related SSE domain, French); the
            // participatory-budgeting specialist is not proposed
            #expect(created.status == .created)
            let id = try created.decoded(Expertise.self).id
            #expect(try created.decoded(Expertise.self).matches == nil)
            let request = try await world.api(.GET, "/api/v1/expertise-requests/\(id)", as: W.coordinator).decoded(Expertise.self)
            let matches = try #require(request.matches)
            #expect(matches.map(\.name) == ["Karim Haddad", "د. سعاد بن علي"])
            #expect(matches.map(\.score) == [95, 50])
            #expect(matches[0].reasons.map(\.code) == ["domain", "wilaya", "language", "available"])
            #expect(matches[1].reasons.map(\.code) == ["related_domain", "language", "available"])
            #expect(matches[1].reasons[0].argument.hasPrefix("sse."))
            let staffPage = try await world.app.testing().sendRequest(.GET, "/fr/expertise/\(request.id)",
                headers: ["Authorization": "Bearer \(try await world.token(W.coordinator))"]).body.string
            #expect(staffPage.contains("Travaille dans le domaine"))
            // the consultant said he is a man (demo profile): the reason agrees with it
            #expect(staffPage.contains("Basé à Alger"))
            let associationPage = try await world.app.testing().sendRequest(.GET, "/fr/expertise/\(request.id)",
                headers: ["Authorization": "Bearer \(try await world.token(W.representative))"]).body.string
            #expect(!associationPage.contains("Basé à Alger") && !associationPage.contains("points"))

            // the coordinator assigns; someone not proposed is refused; the association cannot assign
            let specialist = try #require(try await Person.query(on: app.db).filter(\.$displayName == "أمينة زروقي").first())
            let outsider = try await world.api(.POST, "/api/v1/expertise-requests/\(request.id)/transitions", as: W.coordinator,
                                               json: #"{"action": "assign", "expert_id": "\#(specialist.id!)"}"#)
            #expect(outsider.status == .unprocessableEntity && outsider.body.string.contains(#""field":"expert_id""#))
            let byRepresentative = try await world.api(.POST, "/api/v1/expertise-requests/\(request.id)/transitions",
                                                       as: W.representative,
                                                       json: #"{"action": "assign", "expert_id": "\#(matches[0].person_id)"}"#)
            #expect(byRepresentative.status == .forbidden)
            let assigned = try await world.api(.POST, "/api/v1/expertise-requests/\(request.id)/transitions", as: W.coordinator,
                                               json: #"{"action": "assign", "expert_id": "\#(matches[0].person_id)"}"#)
            #expect(assigned.state == "assigned")
            let early = try await world.api(.POST, "/api/v1/expertise-requests/\(request.id)/transitions",
                                            as: W.representative, json: #"{"action": "complete", "reason": "Très utile"}"#)
            #expect(early.status == .conflict)
        }
    }

    @Test func theAssignedExpertAcceptsAnswersAndIsRatedOthersCannotAct() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            // setup: the demo's finance consultant has an account; a second expert has one too
            let world = try await ProjectsWorld.make(app)
            typealias W = ProjectsWorld
            let karim = try #require(try await Person.query(on: app.db).filter(\.$displayName == "Karim Haddad").first())
            karim.userID = try await User.query(on: app.db).filter(\.$email == W.expert).first()?.requireID()
            try await karim.save(on: app.db)
            try await makeUser(app, email: "other-expert@example.org", roles: [.expert])
            let id = try await world.api(.POST, "/api/v1/expertise-requests", as: W.representative, json: """
                {"organization_id": "\(world.association.id!)", "domain_code": "sse.finance", "wilaya_code": "16",
                 "language": "fr", "subject": "Comptabilité de la coopérative", "description": "Tenir les comptes."}
                """).decoded(Expertise.self).id
            let path = "/api/v1/expertise-requests/\(id)"
            func step(_ email: String, _ json: String) async throws -> TestingHTTPResponse {
                try await world.api(.POST, path + "/transitions", as: email, json: json)
            }
            struct Full: Decodable {
                struct Message: Decodable { let kind: String; let author: String; let body: String }
                struct Contacts: Decodable { struct C: Decodable { let name: String; let email: String? }; let association: C; let expert: C? }
                let state: String
                let matches: [Expertise.Match]?
                let messages: [Message]?
                let contacts: Contacts?
                let rating: Int?
            }

            // act and assert: before the assignment the expert does not see it; then it is in their list
            #expect(try await world.api(.GET, path, as: W.expert).status == .forbidden)
            _ = try await step(W.coordinator, #"{"action": "assign", "expert_id": "\#(karim.id!)"}"#)
            let list = try await world.api(.GET, "/api/v1/expertise-requests", as: W.expert).body.string
            #expect(list.contains(id.uuidString))
            #expect(!(try await world.api(.GET, "/api/v1/expertise-requests", as: "other-expert@example.org").body.string
                .contains(id.uuidString)))
            let seenByExpert = try await world.api(.GET, path, as: W.expert).decoded(Full.self)
            #expect(seenByExpert.matches == nil && seenByExpert.contacts == nil)
            #expect(try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.expertise_assign").count() == 1)

            // another expert cannot accept; the assigned one accepts and the contacts are shared
            #expect(try await step("other-expert@example.org", #"{"action": "accept"}"#).status == .forbidden)
            #expect(try await step(W.expert, #"{"action": "accept"}"#).state == "accepted")
            let accepted = try await world.api(.GET, path, as: W.representative).decoded(Full.self)
            #expect(accepted.contacts?.expert?.name == "Karim Haddad" && accepted.contacts?.expert?.email == W.expert)

            // the advice, a follow-up question, a second answer, then the rating
            #expect(try await step(W.expert, #"{"action": "answer"}"#).status == .unprocessableEntity)
            #expect(try await step(W.expert, #"{"action": "answer", "reason": "Ouvrez un journal de caisse."}"#).state == "answered")
            #expect(try await step(W.representative, #"{"action": "ask", "reason": "Et pour les dons en nature ?"}"#).state == "accepted")
            #expect(try await step(W.expert, #"{"action": "answer", "reason": "Valorisez-les au prix du marché."}"#).state == "answered")
            let rated = try await step(W.representative, #"{"action": "complete", "reason": "Très utile", "rating": 5}"#)
            let done = try rated.decoded(Full.self)
            #expect(done.state == "completed" && done.rating == 5)
            #expect(done.messages?.map(\.kind) == ["advice", "question", "advice"])
            #expect(done.messages?.first?.author == "Karim Haddad")
            let told = try await UserNotification.query(on: app.db).all().map(\.messageKey)
            for key in ["notification.expertise_accept", "notification.expertise_answer", "notification.expertise_ask",
                        "notification.expertise_complete"] {
                #expect(told.contains(key), "\(key)")
            }
        }
    }

    @Test func anExpertWhoDeclinesGivesTheRequestBackToStaff() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            // setup
            let world = try await ProjectsWorld.make(app)
            typealias W = ProjectsWorld
            let karim = try #require(try await Person.query(on: app.db).filter(\.$displayName == "Karim Haddad").first())
            karim.userID = try await User.query(on: app.db).filter(\.$email == W.expert).first()?.requireID()
            try await karim.save(on: app.db)
            let request = try #require(try await ExpertiseRequest.query(on: app.db).first())
            let path = "/fr/expertise/\(request.id!)"
            _ = try await world.api(.POST, "/api/v1/expertise-requests/\(request.id!)/transitions", as: W.coordinator,
                                    json: #"{"action": "assign", "expert_id": "\#(karim.id!)"}"#)
            let expert = Browser(app)
            try await signIn(expert, email: W.expert)

            // act: the page offers accept and decline; declining without a reason is refused on its field
            let page = try await expert.get(path).body.string
            let asked = try await expert.post(path + "/transitions", form: ["action": "decline"])
            let empty = try await expert.post(path + "/transitions", form: ["action": "decline", "confirmed": "yes", "reason": ""])
            let declined = try await expert.post(path + "/transitions",
                                                 form: ["action": "decline", "confirmed": "yes", "reason": "Pas disponible en mars"])

            // assert
            #expect(page.contains(#"name="action" value="accept""#) && page.contains(#"name="action" value="decline""#))
            #expect(!page.contains("points") && !page.contains("mailto:"))
            // declining is confirmed first, on a page that asks the reason
            #expect(asked.status == .ok && asked.body.string.contains(#"name="confirmed" value="yes""#))
            #expect(empty.status == .unprocessableEntity
                && empty.body.string.contains(#"id="confirm-reason" name="reason" rows="3" required aria-invalid="true""#))
            #expect(declined.status == .seeOther)
            let after = try #require(try await ExpertiseRequest.find(request.id, on: app.db))
            #expect(after.state == .open && after.expertID == nil)
            #expect(try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.expertise_decline")
                .count() >= 1)
            #expect(try await expert.get(path).status == .forbidden)
        }
    }

    @Test func aPledgeIsConfirmedThenDeliveredInPartsAndFulfilled() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await ProjectsWorld.make(app)
            typealias W = ProjectsWorld
            struct Pledge: Decodable { let id: UUID; let state: String; let fulfilment: Double; let delivered_minor: Int64 }
            struct Company: Decodable { let company_id: UUID; let pledged_minor: Int64; let delivered_minor: Int64; let fulfilment: Double }

            // a pledge of skills valued 400,000 DZD by the company's representative
            let association = try await world.api(.POST, "/api/v1/csr-pledges", as: W.companyRep, json: """
                {"company_id": "\(world.association.id!)", "kind": "skills", "description": "x", "value_minor": 100}
                """)
            #expect(association.status == .unprocessableEntity && association.body.string.contains(#""field":"company_id""#))
            let created = try await world.api(.POST, "/api/v1/csr-pledges", as: W.companyRep, json: """
                {"company_id": "\(world.company.id!)", "kind": "skills", "description": "تكوين في المحاسبة لـ 10 جمعيات",
                 "value_minor": 40000000}
                """)
            #expect(created.status == .created)
            let pledge = try created.decoded(Pledge.self)
            let early = try await world.api(.POST, "/api/v1/csr-pledges/\(pledge.id)/deliveries", as: W.coordinator,
                                            json: #"{"delivered_on": "2026-03-02", "value_minor": 1000}"#)
            #expect(early.status == .conflict)
            let selfConfirm = try await world.api(.POST, "/api/v1/csr-pledges/\(pledge.id)/transitions", as: W.companyRep,
                                                  json: #"{"action": "confirm"}"#)
            #expect(selfConfirm.status == .forbidden)
            #expect(try await world.api(.POST, "/api/v1/csr-pledges/\(pledge.id)/transitions", as: W.coordinator,
                                        json: #"{"action": "confirm"}"#).state == "confirmed")

            // deliveries: the company cannot certify its own; the coordinator records 25 %, then too much, then the rest
            let own = try await world.api(.POST, "/api/v1/csr-pledges/\(pledge.id)/deliveries", as: W.companyRep,
                                          json: #"{"delivered_on": "2026-03-02", "value_minor": 10000000}"#)
            #expect(own.status == .forbidden)
            let first = try await world.api(.POST, "/api/v1/csr-pledges/\(pledge.id)/deliveries", as: W.coordinator,
                                            json: #"{"delivered_on": "2026-03-02", "value_minor": 10000000, "note": "دورة أولى"}"#)
            #expect(try first.decoded(Pledge.self).fulfilment == 25)
            let tooMuch = try await world.api(.POST, "/api/v1/csr-pledges/\(pledge.id)/deliveries", as: W.coordinator,
                                              json: #"{"delivered_on": "2026-03-02", "value_minor": 40000000}"#)
            #expect(tooMuch.status == .unprocessableEntity && tooMuch.body.string.contains(#""field":"value_minor""#))
            let rest = try await world.api(.POST, "/api/v1/csr-pledges/\(pledge.id)/deliveries", as: W.coordinator,
                                           json: #"{"delivered_on": "2026-03-02", "value_minor": 30000000}"#)
            let done = try rest.decoded(Pledge.self)
            #expect(done.state == "fulfilled" && done.fulfilment == 100)

            // fulfilment per company: the demo pledge (1,000,000 DZD, half delivered) and this one
            struct Companies: Decodable { let items: [Company] }
            let companies = try await world.api(.GET, "/api/v1/csr-pledges/companies", as: nil).decoded(Companies.self).items
            let line = try #require(companies.first { $0.company_id == world.company.id })
            #expect(line.pledged_minor == 140_000_000 && line.delivered_minor == 90_000_000)
            #expect(line.fulfilment == 64.3)
        }
    }

    @Test func internationalPartnersLinkToProjectsAndAgreements() async throws {
        try await withShabaka(demo: true) { app in
            let world = try await ProjectsWorld.make(app)
            let partner = try #require(try await Organization.query(on: app.db).filter(\.$slug == ProjectsDemo.partnerSlug).first())
            let project = try #require(try await Project.query(on: app.db).filter(\.$slug == "biskra-plastic-recycling").first())

            let notAPartner = try await world.api(.POST, "/api/v1/cooperation", as: ProjectsWorld.coordinator, json: """
                {"partner_id": "\(world.company.id!)", "project_id": "\(project.id!)", "nature": "funding",
                 "description": "x", "since": "2026-01-01"}
                """)
            let nothing = try await world.api(.POST, "/api/v1/cooperation", as: ProjectsWorld.coordinator, json: """
                {"partner_id": "\(partner.id!)", "nature": "friendship", "description": "", "since": "soon"}
                """)
            let linked = try await world.api(.POST, "/api/v1/cooperation", as: ProjectsWorld.coordinator, json: """
                {"partner_id": "\(partner.id!)", "project_id": "\(project.id!)", "nature": "capacity_building",
                 "description": "تكوين الفرز الانتقائي", "since": "2026-01-01"}
                """)

            #expect(notAPartner.status == .unprocessableEntity && notAPartner.body.string.contains(#""field":"partner_id""#))
            #expect(nothing.status == .unprocessableEntity)
            for field in ["project_id", "nature", "description", "since"] {
                #expect(nothing.body.string.contains(#""field":"\#(field)""#))
            }
            #expect(linked.status == .created)
            let page = try await app.testing().sendRequest(.GET, "/en/projects/biskra-plastic-recycling").body.string
            #expect(page.contains("UNDP Algeria") && page.contains("Capacity building"))

            // the cooperation page lists project and agreement links; a coordinator links one through its form
            let coordinator = Browser(app)
            try await signIn(coordinator, email: ProjectsWorld.coordinator)
            let listed = try await coordinator.get("/fr/cooperation").body.string
            #expect(listed.contains("/fr/agreements/\(AgreementsDemo.agreementSlug)") && listed.contains("/fr/projects/biskra-plastic-recycling"))
            let refused = try await coordinator.post("/fr/cooperation", form: [
                "partner_id": partner.id!.uuidString, "nature": "research", "project_id": "", "agreement_id": "",
                "description": "", "since": "",
            ])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains(#"id="project_id-error""#))
            let agreement = try #require(try await Agreement.query(on: app.db).first())
            let done = try await coordinator.post("/fr/cooperation", form: [
                "partner_id": partner.id!.uuidString, "agreement_id": agreement.id!.uuidString, "nature": "research",
                "description": "Étude d'impact", "since": "2026-02-01",
            ])
            #expect(done.status == .seeOther)
            #expect(try await coordinator.get("/fr/cooperation").body.string.contains("Étude d&#39;impact"))
        }
    }
}
