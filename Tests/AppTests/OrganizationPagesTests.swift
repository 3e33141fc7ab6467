import Directory
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// The same journeys as `OrganizationJourneyTests`, through the pages a person uses: forms posted as a browser
/// posts them, answers read from the HTML.
@Suite("Organisations on the site: register, verify, edit, ask, invite")
struct OrganizationPagesTests {
    static let palmiers: [String: String] = [
        "kind": "association", "name[ar]": "جمعية النخيل", "name[fr]": "Association les Palmiers",
        "description[ar]": "تثمين منتجات النخيل في ورقلة.", "wilaya_code": "30", "accreditation_number": "12/2020",
        "accreditation_date": "2020-05-01", "domains[]": "sse.agriculture", "representative_role": "president",
    ]

    @Test func aPersonRegistersAnAssociationOnTheSiteAndStaffVerifyIt() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "amina@example.org", name: "Amina")
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let amina = Browser(app)
            try await signIn(amina, email: "amina@example.org")
            let staff = Browser(app)
            try await signIn(staff, email: "coordinator@example.org")

            // act: the form, a refused post, then a complete one
            let form = try await amina.get("/fr/organizations/new")
            var incomplete = Self.palmiers
            incomplete["wilaya_code"] = ""
            incomplete["kind"] = "network"
            let refused = try await amina.post("/fr/organizations", form: incomplete)
            let registered = try await amina.post("/fr/organizations", form: Self.palmiers)
            let path = try #require(registered.location)
            let pending = try await amina.get(path)
            let hidden = try await Browser(app).get(path)
            let staffView = try await staff.get(path)
            let verified = try await staff.post(path + "/transitions", form: ["action": "verify"])
            let public_ = try await Browser(app).get(path)
            let mine = try await amina.get("/fr/account/organizations")

            // assert
            #expect(form.status == .ok && form.body.string.contains(#"name="representative_role""#))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"id="wilaya_code" name="wilaya_code" required aria-invalid="true""#))
            #expect(refused.body.string.contains("value=\"Association les Palmiers\""), "the form keeps what was typed")
            #expect(registered.status == .seeOther && path == "/fr/organizations/association-les-palmiers")
            #expect(pending.status == .ok && pending.body.string.contains("En attente de vérification"))
            #expect(hidden.status == .notFound)
            #expect(staffView.body.string.contains(#"name="action" value="verify""#))
            #expect(verified.status == .seeOther)
            #expect(pending.body.string.contains(#"<div class="notice" role="status">"#))
            #expect(public_.status == .ok && !public_.body.string.contains(#"<div class="notice" role="status">"#))
            #expect(mine.body.string.contains("Association les Palmiers") && mine.body.string.contains("Vérifiée"))
        }
    }

    @Test func aRepresentativeEditsTheProfileAndOthersCannot() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeRepresentative(app, email: "president@example.org", of: "tadamoun-batna")
            try await makeUser(app, email: "other@example.org")
            let president = Browser(app)
            try await signIn(president, email: "president@example.org")
            let other = Browser(app)
            try await signIn(other, email: "other@example.org")
            let path = "/fr/organizations/tadamoun-batna"

            // act
            let edit = try await president.get(path + "/edit")
            let forbidden = try await other.get(path + "/edit")
            let othersPost = try await other.post(path, form: ["phone": "0550 00 00 00"])
            let badDate = try await president.post(path, form: ["founded_on": "2099-01-01"])
            let saved = try await president.post(path, form: [
                "description[fr]": "Nouvelle présentation de l’association.", "phone": "0550 12 34 56",
                "domains[]": "sse.employment",
            ])
            let page = try await Browser(app).get(path)

            // assert
            #expect(edit.status == .ok && edit.body.string.contains(#"name="description[fr]""#))
            #expect(forbidden.status == .forbidden && othersPost.status == .forbidden)
            #expect(badDate.status == .unprocessableEntity
                && badDate.body.string.contains(#"name="founded_on" type="date" value="2099-01-01" aria-invalid="true""#))
            #expect(saved.status == .seeOther && saved.location == path)
            #expect(page.body.string.contains("Nouvelle présentation de l’association."))
            #expect(page.body.string.contains("0550 12 34 56"))
            let organization = try #require(try await Organization.query(on: app.db).filter(\.$slug == "tadamoun-batna").first())
            let domains = try await OrganizationDomain.query(on: app.db).filter(\.$organizationID == organization.requireID()).all()
            #expect(domains.map(\.domainCode) == ["sse.employment"])
        }
    }

    @Test func aPersonAsksOnThePageAndTheRepresentativeApprovesThere() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeRepresentative(app, email: "president@example.org", of: "tadamoun-batna")
            try await makeUser(app, email: "samir@example.org", name: "Samir")
            let president = Browser(app)
            try await signIn(president, email: "president@example.org")
            let samir = Browser(app)
            try await signIn(samir, email: "samir@example.org")
            let path = "/ar/organizations/tadamoun-batna"

            // act
            let offered = try await samir.get(path)
            let asked = try await samir.post(path + "/representation-requests",
                                             form: ["role": "treasurer", "message": "أمين المال الجديد"])
            let seen = try await president.get(path)
            let request = try #require(try await RepresentationRequest.query(on: app.db).first())
            let declineAsked = try await president.post("/ar/representation-requests/\(request.id!)/transitions",
                                                        form: ["action": "decline"])
            let emptyReason = try await president.post("/ar/representation-requests/\(request.id!)/transitions",
                                                       form: ["action": "decline", "confirmed": "yes", "reason": " "])
            let approved = try await president.post("/ar/representation-requests/\(request.id!)/transitions",
                                                    form: ["action": "approve"])
            let mine = try await samir.get("/ar/account/organizations")

            // assert
            #expect(offered.body.string.contains(#"action="/ar/organizations/tadamoun-batna/representation-requests""#))
            #expect(asked.status == .seeOther)
            #expect(seen.body.string.contains("Samir") && seen.body.string.contains("أمين المال الجديد"))
            #expect(declineAsked.status == .ok && declineAsked.body.string.contains(#"name="confirmed" value="yes""#))
            #expect(emptyReason.status == .unprocessableEntity)
            #expect(approved.status == .seeOther)
            #expect(try await RepresentationRequest.find(request.id, on: app.db)?.state == .approved)
            #expect(mine.body.string.contains("/ar/organizations/tadamoun-batna"))
        }
    }

    @Test func anInvitationIsAnsweredFromItsPage() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeRepresentative(app, email: "president@example.org", of: "tadamoun-batna")
            try await makeUser(app, email: "samir@example.org", name: "Samir")
            let president = Browser(app)
            try await signIn(president, email: "president@example.org")

            // act
            _ = try await president.get("/fr/organizations/tadamoun-batna")
            let badAddress = try await president.post("/fr/organizations/tadamoun-batna/invitations",
                                                      form: ["email": "pas-une-adresse", "role": "member"])
            let invited = try await president.post("/fr/organizations/tadamoun-batna/invitations",
                                                   form: ["email": "samir@example.org", "role": "secretary_general"])
            let link = try await outboxLink(app, to: "samir@example.org", containing: "/invitations/accept")
            let signedOut = try await Browser(app).get(link)
            let samir = Browser(app)
            try await signIn(samir, email: "samir@example.org")
            let page = try await samir.get(link)
            let token = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "token" }?.value)
            let accepted = try await samir.post(link.components(separatedBy: "?")[0], form: ["token": token, "action": "accept"])
            let again = try await samir.get(link)
            let bogus = try await samir.get("/fr/invitations/accept?token=nope")

            // assert
            #expect(badAddress.status == .unprocessableEntity)
            #expect(invited.status == .seeOther)
            #expect(signedOut.status == .ok && signedOut.body.string.contains("/sign-in?next=/"))
            #expect(page.status == .ok && page.body.string.contains(#"name="action" value="accept""#))
            #expect(accepted.status == .seeOther)
            #expect(again.status == .gone && bogus.status == .gone)
            #expect(try await Representation.represents(email: "samir@example.org", slug: "tadamoun-batna", on: app.db))
        }
    }
}

extension Representation {
    /// Test shorthand: whether the account of `email` represents the organisation `slug`.
    static func represents(email: String, slug: String, on db: any Database) async throws -> Bool {
        guard let user = try await User.query(on: db).filter(\.$email == email).first(),
              let organization = try await Organization.query(on: db).filter(\.$slug == slug).first() else { return false }
        return try await represents(userID: user.requireID(), organizationID: organization.requireID(), on: db)
    }
}
