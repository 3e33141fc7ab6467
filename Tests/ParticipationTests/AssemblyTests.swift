import Directory
import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// An assembly of the network's four demo members with declared weights (10, 20, 30, 40): delegations followed
/// along their chain, a cycle refused with the chain named, a direct vote taking precedence over a delegation, a
/// delegation revoked, and the result showing each member's weight and the chain its vote came through.
@Suite("Assemblies: weighted votes of member associations, delegation chains, cycles refused")
struct AssemblyTests {
    typealias W = ParticipationWorld
    static let members = ["tadamoun-batna", "nour-women-ghardaia", "green-oasis-biskra", "atlas-crafts-tlemcen"]
    static func rep(_ slug: String) -> String { "rep-\(slug)@example.org" }

    @Test func delegationsFollowTheirChainAndCyclesAreRefused() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let world = try await W.make(app, citizens: 1)
            var ids: [String: UUID] = [:]
            for slug in Self.members {
                try await makeRepresentative(app, email: Self.rep(slug), of: slug)
                ids[slug] = try await Organization.query(on: app.db).filter(\.$slug == slug).first()?.requireID()
            }
            let (a, b, c, d) = (ids[Self.members[0]]!, ids[Self.members[1]]!, ids[Self.members[2]]!, ids[Self.members[3]]!)
            let network = try #require(try await Organization.query(on: app.db)
                .filter(\.$slug == DirectoryDemo.networkSlug).first()?.requireID())
            let body = """
                {"network_id": "\(network)", "title": "الجمعية العامة العادية 2026", "language": "ar",
                 "weight_rule": "declared", "weights": {"\(a)": 10, "\(b)": 20, "\(c)": 30, "\(d)": 40},
                 "opens_at": "2026-03-03T09:00:00Z", "closes_at": "2026-03-10T18:00:00Z"}
                """
            #expect(try await world.api(.POST, "/api/v1/assemblies", as: W.citizen(0), json: body).status == .forbidden)
            let wrongWeight = try await world.api(.POST, "/api/v1/assemblies", as: W.coordinator,
                                                  json: body.replacingOccurrences(of: ": 40}", with: ": 0}"))
            #expect(wrongWeight.status == .unprocessableEntity)
            #expect(try wrongWeight.decoded(TestProblem.self).errors.contains { $0.field == "weights.\(d)" })
            let created = try await world.api(.POST, "/api/v1/assemblies", as: W.coordinator, json: body)
            #expect(created.status == .created, "\(created.body.string)")
            let assembly = try created.decoded(TestAssembly.self)
            #expect(assembly.members.map(\.weight).sorted() == [10, 20, 30, 40])
            let path = "/api/v1/assemblies/\(assembly.id)"
            func delegate(_ from: String, _ to: UUID) async throws -> TestingHTTPResponse {
                try await world.api(.POST, path + "/delegations", as: Self.rep(from),
                                    json: #"{"to_organization_id": "\#(to)"}"#)
            }

            // a motion put by the organiser, results live
            let motion = try await world.api(.POST, "/api/v1/polls", as: W.coordinator, json: """
                {"assembly_id": "\(assembly.id)", "title": "المصادقة على التقرير المالي", "language": "ar",
                 "method": "plurality", "results_visibility": "live", "options": ["نعم", "لا"]}
                """)
            #expect(motion.status == .created, "\(motion.body.string)")
            let pollPath = "/api/v1/polls/\(try motion.decoded(TestPoll.self).id)"
            #expect(try await world.api(.POST, "/api/v1/polls", as: Self.rep(Self.members[0]), json: """
                {"assembly_id": "\(assembly.id)", "title": "x", "options": ["a", "b"]}
                """).status == .forbidden)

            // A → B → C; C → A would close a cycle and is refused with the chain; to itself too
            #expect(try await delegate(Self.members[0], b).status == .created)
            #expect(try await delegate(Self.members[1], c).status == .created)
            let cycle = try await delegate(Self.members[2], a)
            #expect(cycle.status == .unprocessableEntity)
            let problem = try cycle.decoded(TestProblem.self)
            #expect(problem.code == "assembly.delegation_cycle")
            #expect(cycle.body.string.contains("→"))
            #expect(try await delegate(Self.members[3], d).decoded(TestProblem.self).code == "assembly.delegation_to_self")
            #expect(try await world.api(.POST, path + "/delegations", as: W.citizen(0),
                                        json: #"{"to_organization_id": "\#(a)"}"#).status == .forbidden)

            clock.advance(by: 86_400 + 10 * 3_600)
            func vote(_ slug: String, _ json: String) async throws -> TestingHTTPResponse {
                try await world.api(.POST, pollPath + "/vote", as: Self.rep(slug), json: json)
            }
            #expect(try await vote(Self.members[2], #"{"choices": [2]}"#).status == .created)
            #expect(try await vote(Self.members[3], #"{"choices": [1]}"#).status == .created)
            #expect(try await world.api(.POST, pollPath + "/vote", as: W.citizen(0), json: #"{"choices": [1]}"#)
                .decoded(TestProblem.self).code == "assembly.not_a_representative")
            // A's and B's weight reach C, who voted "no": 60 against 40
            var results = try await world.api(.GET, pollPath + "/results", as: nil).decoded(TestPollResults.self)
            #expect(results.options.map(\.score) == [40, 60])
            let rollA = try #require(results.roll?.first { $0.weight == 10 })
            #expect(rollA.via.count == 3 && rollA.vote == "voted")
            // B votes itself: its own vote counts, and A's stops at B
            #expect(try await vote(Self.members[1], #"{"choices": [1]}"#).status == .created)
            results = try await world.api(.GET, pollPath + "/results", as: nil).decoded(TestPollResults.self)
            #expect(results.options.map(\.score) == [70, 30])
            #expect(try #require(results.roll?.first { $0.weight == 10 }).via.count == 2)
            // B takes back its delegation; A still goes through B. A then revokes: it is absent.
            #expect(try await world.api(.DELETE, path + "/delegations/\(b)", as: Self.rep(Self.members[1])).status == .ok)
            #expect(try await world.api(.DELETE, path + "/delegations/\(a)", as: Self.rep(Self.members[0])).status == .ok)
            #expect(try await world.api(.DELETE, path + "/delegations/\(a)", as: Self.rep(Self.members[0]))
                .decoded(TestProblem.self).code == "assembly.no_delegation")
            results = try await world.api(.GET, pollPath + "/results", as: nil).decoded(TestPollResults.self)
            #expect(results.options.map(\.score) == [60, 30] && results.absent == 10)

            // the chain on the pages, in Arabic
            let page = try await world.api(.GET, "/ar/assemblies/\(assembly.id)", as: nil, language: "ar")
            #expect(page.status == .ok && page.body.string.contains("تصوّت بنفسها"))
            clock.advance(by: 8 * 86_400)
            #expect(try await delegate(Self.members[0], b).decoded(TestProblem.self).code == "poll.closed")
            let result = try await world.api(.GET, "/ar/polls/\(try motion.decoded(TestPoll.self).id)", as: nil,
                                             language: "ar").body.string
            #expect(result.contains("تصويت الأعضاء") && result.contains("لم يصوّت"))
        }
    }

    @Test func aRepresentativeDelegatesAndRevokesThroughThePage() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            _ = try await W.make(app, citizens: 0)
            for slug in Self.members { try await makeRepresentative(app, email: Self.rep(slug), of: slug) }
            let organiser = Browser(app)
            try await signIn(organiser, email: W.coordinator)
            let form = try await organiser.get("/fr/assemblies/new")
            #expect(form.status == .ok && form.body.string.contains(#"name="weights["#))
            let network = try #require(try await Organization.query(on: app.db)
                .filter(\.$slug == DirectoryDemo.networkSlug).first()?.requireID())
            let created = try await organiser.post("/fr/assemblies", form: [
                "network_id": network.uuidString, "title": "Assemblée générale", "language": "fr", "weight_rule": "equal",
                "opens_at": "2026-03-03T10:00", "closes_at": "2026-03-10T18:00"])
            #expect(created.status == .seeOther, "\(created.body.string.components(separatedBy: "field-error").dropFirst().map { $0.prefix(200) })")
            let page = try #require(created.headers.first(name: .location))
            let ids = try await Organization.query(on: app.db).filter(\.$slug ~~ Self.members).all()
            let target = try #require(ids.first { $0.slug == Self.members[1] }?.id)
            let source = try #require(ids.first { $0.slug == Self.members[0] }?.id)
            let rep = Browser(app)
            try await signIn(rep, email: Self.rep(Self.members[0]))
            #expect(try await rep.get(page).body.string.contains(#"id="to_organization_id""#))
            let toSelf = try await rep.post(page + "/delegations", form: ["from_organization_id": source.uuidString,
                                                                          "to_organization_id": source.uuidString])
            #expect(toSelf.status == .unprocessableEntity && toSelf.body.string.contains(#"id="to_organization_id-error""#))
            let given = try await rep.post(page + "/delegations", form: ["from_organization_id": source.uuidString,
                                                                         "to_organization_id": target.uuidString])
            #expect(given.status == .seeOther)
            let shown = try await rep.get(page).body.string
            #expect(shown.contains(" → ") && shown.contains("/delegations/\(source.uuidString)/revocation"))
            #expect(try await rep.post(page + "/delegations/\(source.uuidString)/revocation", form: [:]).status == .seeOther)
            #expect(!(try await rep.get(page).body.string.contains(" → ")))
        }
    }
}

struct TestAssembly: Decodable {
    struct Member: Decodable {
        let organizationID: String
        let weight: Int
        enum CodingKeys: String, CodingKey { case organizationID = "organization_id", weight }
    }
    let id: String
    let members: [Member]
}
