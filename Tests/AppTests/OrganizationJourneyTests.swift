import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// An association comes to act on the platform by itself: a person registers it, staff verify it, people ask to
/// represent it or are invited, representatives come and go, and its profile is kept up to date by them.
@Suite("Organisations: registration, verification, representatives")
struct OrganizationJourneyTests {
    static let palmiers = """
        {"kind": "association", "name": {"ar": "جمعية النخيل", "fr": "Association les Palmiers"},
         "description": {"ar": "تثمين منتجات النخيل في ورقلة."}, "wilaya_code": "30",
         "accreditation_number": "12/2020", "accreditation_date": "2020-05-01", "domains": ["sse.agriculture"],
         "representative_role": "president"}
        """

    struct Answer: Decodable {
        struct Representative: Decodable { let id: UUID; let name: String; let role: String }
        let id: UUID
        let slug: String
        let verification: String
        let verificationNote: String?
        let representatives: [Representative]

        enum CodingKeys: String, CodingKey {
            case id, slug, verification, representatives
            case verificationNote = "verification_note"
        }
    }

    struct Request: Decodable { let id: UUID; let state: String; let role: String }

    static func roles(_ app: Application, _ email: String) async throws -> Set<Role> {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).with(\.$roleAssignments).first())
        return Set(user.roleAssignments.map(\.role))
    }

    @Test func aRegisteredAssociationWaitsForVerificationThenJoinsTheDirectory() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "amina@example.org", name: "Amina")
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let api = TestAPI(app)

            // act: an incomplete registration, then a complete one
            let incomplete = try await api.call(.POST, "/api/v1/organizations", as: "amina@example.org",
                                                json: #"{"kind": "network", "name": {"ar": "شبكة"}}"#)
            let created = try await api.call(.POST, "/api/v1/organizations", as: "amina@example.org", json: Self.palmiers)

            // assert: every problem named; the registration waits, seen only by its representative and staff
            #expect(incomplete.status == .unprocessableEntity)
            for field in ["kind", "wilaya_code", "domains", "representative_role"] {
                #expect(incomplete.body.string.contains(#""field":"\#(field)""#), "\(field)")
            }
            #expect(created.status == .created)
            let organization = try created.decoded(Answer.self)
            #expect(organization.verification == "pending" && organization.slug == "association-les-palmiers")
            #expect(organization.representatives.map(\.role) == ["president"])
            #expect(try await Self.roles(app, "amina@example.org").contains(.organizationRepresentative))
            let path = "/api/v1/organizations/\(organization.slug)"
            #expect(try await api.call(.GET, path, as: nil).status == .notFound)
            #expect(try await api.call(.GET, path, as: "amina@example.org").status == .ok)
            #expect(try await api.call(.GET, path, as: "coordinator@example.org").status == .ok)
            #expect(!(try await api.call(.GET, "/api/v1/organizations?q=Palmiers", as: nil).body.string
                .contains(organization.slug)))
            #expect(try await app.testing().sendRequest(.GET, "/fr/organizations/\(organization.slug)").status == .notFound)
            let told = try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.organization_registered")
                .count()
            #expect(told >= 1)

            // it cannot act in the network yet
            let project = try await api.call(.POST, "/api/v1/projects", as: "amina@example.org", json: """
                {"organization_id": "\(organization.id)", "title": {"ar": "مشروع"}, "summary": {"ar": "م"},
                 "social_need": {"ar": "ح"}, "beneficiaries": "10", "domain_code": "sse.agriculture", "wilaya_code": "30",
                 "budget_minor": 100, "starts_on": "2026-02-01", "ends_on": "2026-12-31", "expected_jobs": 1}
                """)
            // (not a member of the network: only verified organisations may apply for membership)
            #expect(project.status == .unprocessableEntity && project.body.string.contains(#""field":"organization_id""#))

            // staff verify it: it is public and in the directory's search
            let representativeVerifies = try await api.call(.POST, path + "/transitions", as: "amina@example.org",
                                                            json: #"{"action": "verify"}"#)
            #expect(representativeVerifies.status == .forbidden)
            let verified = try await api.call(.POST, path + "/transitions", as: "coordinator@example.org",
                                              json: #"{"action": "verify"}"#)
            #expect(try verified.decoded(Answer.self).verification == "verified")
            #expect(try await api.call(.GET, path, as: nil).status == .ok)
            #expect(try await api.call(.GET, "/api/v1/organizations?q=Palmiers", as: nil).body.string
                .contains(organization.slug))
            let aminaID = try #require(try await User.query(on: app.db).filter(\.$email == "amina@example.org").first()?.id)
            #expect(try await UserNotification.query(on: app.db).filter(\.$user.$id == aminaID)
                .filter(\.$messageKey == "notification.organization_verified").count() == 1)
        }
    }

    @Test func aRefusedRegistrationIsCorrectedAndSentAgain() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "amina@example.org", name: "Amina")
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let api = TestAPI(app)
            let slug = try await api.call(.POST, "/api/v1/organizations", as: "amina@example.org", json: Self.palmiers)
                .decoded(Answer.self).slug
            let path = "/api/v1/organizations/\(slug)"

            // act
            let withoutReason = try await api.call(.POST, path + "/transitions", as: "coordinator@example.org",
                                                   json: #"{"action": "reject"}"#)
            let rejected = try await api.call(.POST, path + "/transitions", as: "coordinator@example.org",
                                              json: #"{"action": "reject", "reason": "رقم الاعتماد غير مقروء"}"#)
            let kindChange = try await api.call(.PATCH, path, as: "amina@example.org", json: #"{"kind": "company"}"#)
            let corrected = try await api.call(.PATCH, path, as: "amina@example.org",
                                               json: #"{"accreditation_number": "12/2020/30"}"#)
            let resubmitted = try await api.call(.POST, path + "/transitions", as: "amina@example.org",
                                                 json: #"{"action": "resubmit"}"#)

            // assert
            #expect(withoutReason.status == .unprocessableEntity)
            #expect(try rejected.decoded(Answer.self).verificationNote == "رقم الاعتماد غير مقروء")
            #expect(kindChange.status == .unprocessableEntity && kindChange.body.string.contains(#""field":"kind""#))
            #expect(corrected.status == .ok)
            #expect(try resubmitted.decoded(Answer.self).verification == "pending")
            try await makeUser(app, email: "x@example.org")
            #expect(try await api.call(.PATCH, path, as: "x@example.org", json: #"{"phone": "1"}"#).status == .notFound)
        }
    }

    @Test func aPersonAsksToRepresentAnAssociationAndItsRepresentativeDecides() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeRepresentative(app, email: "president@example.org", of: "tadamoun-batna")
            try await makeUser(app, email: "karim@example.org", name: "Karim")
            try await makeUser(app, email: "nadia@example.org", name: "Nadia")
            let api = TestAPI(app)
            let path = "/api/v1/organizations/tadamoun-batna"

            // act
            let asked = try await api.call(.POST, path + "/representation-requests", as: "karim@example.org",
                                           json: #"{"role": "treasurer", "message": "أمين المال المنتخب في 2026"}"#)
            let again = try await api.call(.POST, path + "/representation-requests", as: "karim@example.org",
                                           json: #"{"role": "treasurer"}"#)
            let request = try asked.decoded(Request.self)
            let selfApproval = try await api.call(.POST, "/api/v1/representation-requests/\(request.id)/transitions",
                                                  as: "karim@example.org", json: #"{"action": "approve"}"#)
            let listed = try await api.call(.GET, path + "/representation-requests?state=open", as: "president@example.org")
            let hidden = try await api.call(.GET, path + "/representation-requests", as: "nadia@example.org")
            let approved = try await api.call(.POST, "/api/v1/representation-requests/\(request.id)/transitions",
                                              as: "president@example.org", json: #"{"action": "approve"}"#)
            let nadias = try await api.call(.POST, path + "/representation-requests", as: "nadia@example.org",
                                            json: #"{"role": "representative"}"#).decoded(Request.self)
            let declineWithoutReason = try await api.call(.POST, "/api/v1/representation-requests/\(nadias.id)/transitions",
                                                          as: "karim@example.org", json: #"{"action": "decline"}"#)
            let declined = try await api.call(.POST, "/api/v1/representation-requests/\(nadias.id)/transitions",
                                              as: "karim@example.org",
                                              json: #"{"action": "decline", "reason": "لا نعرفك بعد"}"#)

            // assert
            #expect(asked.status == .created && request.state == "pending")
            #expect(again.status == .conflict)
            #expect(selfApproval.status == .forbidden)
            #expect(listed.status == .ok && listed.body.string.contains(request.id.uuidString))
            #expect(hidden.status == .forbidden)
            #expect(try approved.decoded(Request.self).state == "approved")
            #expect(try await Self.roles(app, "karim@example.org").contains(.organizationRepresentative))
            let names = try await api.call(.GET, path, as: nil).decoded(Answer.self).representatives.map(\.name)
            #expect(names.contains("Karim"))
            #expect(declineWithoutReason.status == .unprocessableEntity)
            #expect(try declined.decoded(Request.self).state == "declined")
            let nadiaID = try #require(try await User.query(on: app.db).filter(\.$email == "nadia@example.org").first()?.id)
            let notice = try #require(try await UserNotification.query(on: app.db).filter(\.$user.$id == nadiaID)
                .filter(\.$messageKey == "notification.representation_declined").first())
            #expect(notice.arguments.first == "لا نعرفك بعد")
            #expect(!(try await Self.roles(app, "nadia@example.org").contains(.organizationRepresentative)))
        }
    }

    @Test func anInvitationByEMailIsAcceptedOnlyByItsAddressAndOnce() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeRepresentative(app, email: "president@example.org", of: "tadamoun-batna")
            try await makeUser(app, email: "samir@example.org", name: "Samir")
            try await makeUser(app, email: "other@example.org", name: "Other")
            let api = TestAPI(app)
            let path = "/api/v1/organizations/tadamoun-batna"

            // act
            let outsider = try await api.call(.POST, path + "/invitations", as: "other@example.org",
                                              json: #"{"email": "samir@example.org", "role": "secretary_general"}"#)
            let invited = try await api.call(.POST, path + "/invitations", as: "president@example.org",
                                             json: #"{"email": "Samir@Example.org", "role": "secretary_general", "message": "مرحباً"}"#)
            let twice = try await api.call(.POST, path + "/invitations", as: "president@example.org",
                                           json: #"{"email": "samir@example.org", "role": "secretary_general"}"#)
            let link = try await outboxLink(app, to: "samir@example.org", containing: "/invitations/accept")
            let token = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "token" }?.value)
            let wrongAccount = try await api.call(.POST, "/api/v1/invitations/accept", as: "other@example.org",
                                                  json: #"{"token": "\#(token)"}"#)
            let accepted = try await api.call(.POST, "/api/v1/invitations/accept", as: "samir@example.org",
                                              json: #"{"token": "\#(token)"}"#)
            let reused = try await api.call(.POST, "/api/v1/invitations/accept", as: "samir@example.org",
                                            json: #"{"token": "\#(token)"}"#)

            // assert
            #expect(outsider.status == .forbidden)
            #expect(try invited.status == .created && invited.decoded(Request.self).state == "invited")
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains(#""field":"email""#))
            let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "samir@example.org")
                .filter(\.$kind == "invitation").first())
            #expect(!mail.body.contains(token) && mail.secret == token)
            #expect(wrongAccount.status == .forbidden)
            #expect(try accepted.decoded(Request.self).state == "approved")
            #expect(reused.status == .gone)
            let representatives = try await api.call(.GET, path, as: nil).decoded(Answer.self).representatives
            #expect(representatives.contains { $0.name == "Samir" && $0.role == "secretary_general" })
        }
    }

    @Test func representativesAreRemovedButTheLastOneOnlyByStaff() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeRepresentative(app, email: "president@example.org", of: "tadamoun-batna", name: "Président")
            try await makeUser(app, email: "karim@example.org", name: "Karim")
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let api = TestAPI(app)
            let path = "/api/v1/organizations/tadamoun-batna"

            // act: staff add Karim (an unknown address is a field error), the president removes him, then himself
            let unknown = try await api.call(.POST, path + "/representatives", as: "coordinator@example.org",
                                             json: #"{"email": "nobody@example.org", "role": "treasurer"}"#)
            let byRepresentative = try await api.call(.POST, path + "/representatives", as: "president@example.org",
                                                      json: #"{"email": "karim@example.org", "role": "treasurer"}"#)
            let added = try await api.call(.POST, path + "/representatives", as: "coordinator@example.org",
                                           json: #"{"email": "karim@example.org", "role": "treasurer"}"#)
            let karim = try #require(try added.decoded(Answer.self).representatives.first { $0.name == "Karim" })
            let removed = try await api.call(.DELETE, path + "/representatives/\(karim.id)", as: "president@example.org")
            let president = try #require(try await api.call(.GET, path, as: nil).decoded(Answer.self).representatives.first)
            let last = try await api.call(.DELETE, path + "/representatives/\(president.id)", as: "president@example.org")
            let byStaff = try await api.call(.DELETE, path + "/representatives/\(president.id)", as: "coordinator@example.org")

            // assert
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains(#""field":"email""#))
            #expect(byRepresentative.status == .forbidden)
            #expect(added.status == .created)
            #expect(removed.status == .noContent)
            #expect(!(try await Self.roles(app, "karim@example.org").contains(.organizationRepresentative)))
            #expect(last.status == .conflict && last.body.string.contains("directory.last_representative"))
            #expect(byStaff.status == .noContent)
            #expect(!(try await Self.roles(app, "president@example.org").contains(.organizationRepresentative)))
        }
    }

    @Test func myOrganisationsListsWhatIRepresentAndWhatIAsked() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "amina@example.org", name: "Amina")
            let api = TestAPI(app)
            _ = try await api.call(.POST, "/api/v1/organizations", as: "amina@example.org", json: Self.palmiers)
            _ = try await api.call(.POST, "/api/v1/organizations/tadamoun-batna/representation-requests",
                                   as: "amina@example.org", json: #"{"role": "representative"}"#)

            // act
            let mine = try await api.call(.GET, "/api/v1/me/organizations", as: "amina@example.org")

            // assert
            struct Mine: Decodable {
                struct Organization: Decodable { let slug: String; let verification: String }
                struct Requests: Decodable { let items: [Request] }
                let organizations: [Organization]
                let requests: Requests
            }
            let answer = try mine.decoded(Mine.self)
            #expect(answer.organizations.map(\.slug) == ["association-les-palmiers"])
            #expect(answer.organizations.first?.verification == "pending")
            #expect(answer.requests.items.map(\.state) == ["pending"])
        }
    }
}
