import Agreements
import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// Each room's policy, role by role: who may act on whose commitment, who certifies a CSR delivery, who sees
/// a draft project.
@Suite("Rooms' policies, per role")
struct PolicyTests {
    @Test(arguments: [
        ("coordinator", true), ("network representative", true), ("other association's representative", false),
        ("evaluator", false), ("citizen", false),
    ])
    func whoMayStartTheNetworksCommitment(role: String, allowed: Bool) async throws {
        try await withShabaka(demo: true) { app in
            // setup: the network owes a planned commitment of the framework agreement
            let network = try #require(try await Organization.query(on: app.db).filter(\.$slug == DirectoryDemo.networkSlug)
                .first()?.id)
            let commitment = try #require(try await Commitment.query(on: app.db).filter(\.$ownerID == network)
                .filter(\.$state == .planned).first())
            let email = "actor@example.org"
            switch role {
            case "coordinator": try await makeUser(app, email: email, roles: [.coordinator])
            case "network representative": try await makeRepresentative(app, email: email, of: DirectoryDemo.networkSlug)
            case "other association's representative": try await makeRepresentative(app, email: email, of: "tadamoun-batna")
            case "evaluator": try await makeUser(app, email: email, roles: [.evaluator])
            default: try await makeUser(app, email: email)
            }
            let token = try await apiToken(app, email: email)

            // act
            let response = try await apiCall(app, .POST, "/api/v1/commitments/\(try commitment.requireID())/transitions",
                                             token: token, json: #"{"action": "start"}"#)
            let followUp = try await apiCall(app, .POST, "/api/v1/agreements/\(AgreementsDemo.agreementSlug)/follow-ups",
                                             token: token, json: """
                {"occurred_on": "2026-01-05", "text": "تقدم", "commitment_id": "\(try commitment.requireID())", "progress": 30}
                """)

            // assert
            #expect((response.status == .ok) == allowed, "\(role): \(response.status)")
            #expect(allowed || response.status == .forbidden)
            #expect((followUp.status == .created) == allowed, "\(role): \(followUp.status)")
            let stored = try #require(try await Commitment.find(commitment.id, on: app.db))
            #expect((stored.state == .inProgress) == allowed)
        }
    }

    @Test func theCommitmentPageOffersButtonsOnlyToItsParty() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeRepresentative(app, email: "other@example.org", of: "tadamoun-batna")
            try await makeRepresentative(app, email: "network@example.org", of: DirectoryDemo.networkSlug)
            let other = Browser(app), network = Browser(app)
            try await signIn(other, email: "other@example.org")
            try await signIn(network, email: "network@example.org")

            // act
            let path = "/en/agreements/" + AgreementsDemo.agreementSlug
            let seenByOther = try await other.get(path).body.string
            let seenByNetwork = try await network.get(path).body.string

            // assert
            #expect(!seenByOther.contains(#"name="action" value="start""#))
            #expect(seenByNetwork.contains(#"value="start""#))
        }
    }

    @Test(arguments: [("coordinator", true), ("company representative", false), ("citizen", false)])
    func whoRecordsACSRDelivery(role: String, allowed: Bool) async throws {
        try await withShabaka(demo: true) { app in
            // setup: the demo's confirmed pledge of the company
            let pledge = try #require(try await CSRPledge.query(on: app.db).filter(\.$state == .confirmed).first())
            let email = "actor@example.org"
            switch role {
            case "coordinator": try await makeUser(app, email: email, roles: [.coordinator])
            case "company representative": try await makeRepresentative(app, email: email, of: ProjectsDemo.companySlug)
            default: try await makeUser(app, email: email)
            }
            let token = try await apiToken(app, email: email)

            // act
            let response = try await apiCall(app, .POST, "/api/v1/csr-pledges/\(try pledge.requireID())/deliveries",
                                             token: token, json: #"{"delivered_on": "2026-01-02", "value_minor": 100}"#)

            // assert
            #expect(response.status == (allowed ? .created : .forbidden), "\(role): \(response.status)")
            #expect(try await CSRDelivery.query(on: app.db).filter(\.$valueMinor == 100).count() == (allowed ? 1 : 0))
        }
    }

    @Test(arguments: [
        ("anonymous", false), ("citizen", false), ("other association's representative", false),
        ("its association's representative", true), ("reviewer", true),
    ])
    func whoSeesADraftProject(role: String, allowed: Bool) async throws {
        try await withShabaka(demo: true) { app in
            // setup: the demo's draft belongs to tadamoun-batna
            let draft = "batna-local-products-webshop"
            let email = "viewer@example.org"
            switch role {
            case "citizen": try await makeUser(app, email: email)
            case "other association's representative": try await makeRepresentative(app, email: email, of: "nour-women-ghardaia")
            case "its association's representative": try await makeRepresentative(app, email: email, of: "tadamoun-batna")
            case "reviewer": try await makeUser(app, email: email, roles: [.reviewer])
            default: break
            }
            let token = role == "anonymous" ? nil : try await apiToken(app, email: email)
            let browser = Browser(app)
            if role != "anonymous" { try await signIn(browser, email: email) }

            // act
            let api = try await apiCall(app, .GET, "/api/v1/projects/\(draft)", token: token)
            let list = try await apiCall(app, .GET, "/api/v1/projects?size=100", token: token)
            let page = try await browser.get("/en/projects/\(draft)")
            let webList = try await browser.get("/en/projects?state=draft")

            // assert
            #expect(api.status == (allowed ? .ok : .notFound), "\(role)")
            #expect(page.status == (allowed ? .ok : .notFound), "\(role)")
            #expect(list.body.string.contains(draft) == allowed, "\(role)")
            #expect(webList.body.string.contains(draft) == allowed, "\(role)")
        }
    }
}
