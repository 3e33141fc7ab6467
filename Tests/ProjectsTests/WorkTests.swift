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

            // assert: the finance consultant first (domain, wilaya, language, available), then the SSE academic
            // (a related SSE domain, French); the participatory-budgeting specialist is not proposed
            #expect(created.status == .created)
            let request = try created.decoded(Expertise.self)
            let matches = try #require(request.matches)
            #expect(matches.map(\.name) == ["Karim Haddad", "د. سعاد بن علي"])
            #expect(matches.map(\.score) == [95, 50])
            #expect(matches[0].reasons.map(\.code) == ["domain", "wilaya", "language", "available"])
            #expect(matches[1].reasons.map(\.code) == ["related_domain", "language", "available"])
            #expect(matches[1].reasons[0].argument.hasPrefix("sse."))
            let page = try await world.app.testing().sendRequest(.GET, "/fr/expertise/\(request.id)",
                headers: ["Authorization": "Bearer \(try await world.token(W.representative))"]).body.string
            #expect(page.contains("Travaille dans le domaine Finance solidaire") || page.contains("Travaille dans le domaine"))
            #expect(page.contains("Basé(e) à Alger"))

            // the coordinator assigns; someone not proposed is refused; the association completes with feedback
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
            let badRating = try await world.api(.POST, "/api/v1/expertise-requests/\(request.id)/transitions",
                                                as: W.representative,
                                                json: #"{"action": "complete", "reason": "Très utile", "rating": 9}"#)
            #expect(badRating.status == .unprocessableEntity && badRating.body.string.contains(#""field":"rating""#))
            let completed = try await world.api(.POST, "/api/v1/expertise-requests/\(request.id)/transitions",
                                                as: W.representative,
                                                json: #"{"action": "complete", "reason": "Très utile", "rating": 5}"#)
            #expect(completed.state == "completed")
            #expect(completed.body.string.contains("Très utile"))
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
            let refused = try await coordinator.post("/fr/cooperation", form: ["partner_id": partner.id!.uuidString, "nature": "research"])
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
