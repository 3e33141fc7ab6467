import Directory
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Actions that remove, refuse or take away, outside workflows too: the first press asks on a second page what
/// will happen, with a way back; only the confirmed form acts.
@Suite("Destructive actions are confirmed on a second page")
struct DestructiveActionsTests {
    @Test func removingARepresentativeIsConfirmedFirst() async throws {
        try await withShabaka(demo: true) { app in
            // setup: two representatives of one association
            try await makeRepresentative(app, email: "president@example.org", of: "tadamoun-batna", name: "Nadia")
            try await makeRepresentative(app, email: "treasurer@example.org", of: "tadamoun-batna", name: "Karim")
            let organization = try #require(try await Organization.query(on: app.db).filter(\.$slug == "tadamoun-batna").first())
            let karim = try #require(try await Person.query(on: app.db).filter(\.$displayName == "Karim").first())
            let link = try #require(try await OrganizationRepresentative.query(on: app.db)
                .filter(\.$organizationID == organization.id!).filter(\.$personID == karim.id!).first())
            let president = Browser(app)
            try await signIn(president, email: "president@example.org")
            let path = "/en/organizations/tadamoun-batna"
            let page = try await president.get(path).body.string
            let remove = path + "/representatives/\(link.id!)/remove"

            // act
            let asked = try await president.post(remove, form: [:])
            let stillThere = try await OrganizationRepresentative.find(link.id, on: app.db) != nil
            let removed = try await president.post(remove, form: ["confirmed": "yes"])

            // assert
            #expect(page.contains(#"class="danger">Remove</button>"#))
            #expect(asked.status == .ok && stillThere)
            let question = asked.body.string
            #expect(question.contains("<h1>Confirm: Remove</h1>"))
            #expect(question.contains("Karim will no longer represent this organisation"))
            #expect(question.contains(#"class="danger">Yes, remove</button>"#))
            #expect(question.contains(#"<a href="\#(path)#representatives">No, go back</a>"#))
            #expect(removed.status == .seeOther)
            #expect(try await OrganizationRepresentative.find(link.id, on: app.db) == nil)
        }
    }

    @Test func refusingAnInvitationIsConfirmedFirst() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeRepresentative(app, email: "president@example.org", of: "tadamoun-batna")
            try await makeUser(app, email: "samir@example.org", name: "Samir")
            let president = Browser(app)
            try await signIn(president, email: "president@example.org")
            _ = try await president.get("/fr/organizations/tadamoun-batna")
            _ = try await president.post("/fr/organizations/tadamoun-batna/invitations",
                                         form: ["email": "samir@example.org", "role": "secretary_general"])
            let link = try await outboxLink(app, to: "samir@example.org", containing: "/invitations/accept")
            let token = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "token" }?.value)
            let samir = Browser(app)
            try await signIn(samir, email: "samir@example.org")
            let page = try await samir.get(link).body.string
            let answer = link.components(separatedBy: "?")[0]

            // act
            let asked = try await samir.post(answer, form: ["token": token, "action": "refuse"])
            let stateAsked = try await RepresentationRequest.query(on: app.db).first()?.state
            let refused = try await samir.post(answer, form: ["token": token, "action": "refuse", "confirmed": "yes"])

            // assert
            let refuseForm = try #require(page.components(separatedBy: "<form").last)
            #expect(refuseForm.contains(#"value="refuse">"#) && refuseForm.contains(#"class="danger""#))
            #expect(asked.status == .ok && stateAsked == .invited)
            #expect(asked.body.string.contains(#"<input type="hidden" name="confirmed" value="yes">"#))
            #expect(asked.body.string.contains(#"<input type="hidden" name="token" value="\#(token)">"#))
            #expect(refused.status == .seeOther)
            #expect(try await RepresentationRequest.query(on: app.db).first()?.state == .declined)
        }
    }

    @Test func takingARoleAwayIsConfirmedFirst() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "admin@example.org", roles: [.admin])
            let person = try await makeUser(app, email: "reviewer@example.org", name: "Lina", roles: [.reviewer])
            let admin = Browser(app)
            try await signIn(admin, email: "admin@example.org")
            _ = try await admin.get("/en/admin/users")
            let url = "/en/admin/users/\(person.id!)/roles"
            func roles() async throws -> [Role] {
                try await UserRole.query(on: app.db).filter(\.$user.$id == person.id!).all().map(\.role)
            }

            // act
            let asked = try await admin.post(url, form: ["role": "reviewer", "change": "revoke"])
            let rolesAsked = try await roles()
            let revoked = try await admin.post(url, form: ["role": "reviewer", "change": "revoke", "confirmed": "yes"])

            // assert
            #expect(asked.status == .ok && rolesAsked.contains(.reviewer))
            #expect(asked.body.string.contains("Lina loses the role"))
            #expect(asked.body.string.contains(#"<input type="hidden" name="change" value="revoke">"#))
            #expect(revoked.status == .seeOther)
            #expect(try await !roles().contains(.reviewer))
        }
    }
}
