import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Polls in a process: voting open and closed by the clock, one vote per person replaced by a later one, every
/// refusal naming its rule, results hidden until the close (or live), plurality, approval and Schulze counted by
/// `Voting`, and the outcome the organiser writes after the close.
@Suite("Polls: plurality, approval and Schulze; hidden or live results; outcome")
struct PollTests {
    typealias W = ParticipationWorld
    static let window = #""opens_at": "2026-03-03T09:00:00Z", "closes_at": "2026-03-10T18:00:00Z""#

    static func create(_ world: W, method: String, visibility: String = "at_close", abstain: Bool = true,
                       options: [String] = ["أ", "ب", "ج"]) async throws -> String {
        let list = options.map { "\"\($0)\"" }.joined(separator: ", ")
        let created = try await world.api(.POST, "/api/v1/polls", as: W.coordinator, json: """
            {"process_id": "\(world.processID)", "title": "أي مكان للسوق التضامني؟", "language": "ar",
             "method": "\(method)", "results_visibility": "\(visibility)", "allow_abstain": \(abstain),
             \(window), "options": [\(list)]}
            """)
        guard created.status == .created else { throw FixtureError("poll: \(created.status) \(created.body.string)") }
        return try created.decoded(TestPoll.self).id
    }

    @Test func aPluralityPollHiddenUntilTheCloseThenCountedWithItsOutcome() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let world = try await W.make(app, citizens: 6)
            let id = try await Self.create(world, method: "plurality")
            let path = "/api/v1/polls/\(id)"
            func vote(_ index: Int, _ json: String) async throws -> TestingHTTPResponse {
                try await world.api(.POST, path + "/vote", as: W.citizen(index), json: json)
            }
            func code(_ response: TestingHTTPResponse) throws -> String { try response.decoded(TestProblem.self).code }

            #expect(try code(try await vote(0, #"{"choices": [1]}"#)) == "poll.not_yet_open")
            // the organiser may still change the question before it opens
            let changed = try await world.api(.PUT, path, as: W.coordinator, json: """
                {"title": "أين نقيم السوق التضامني؟", "method": "plurality", \(Self.window),
                 "options": ["الساحة", "المدرسة", "السوق المغطى"]}
                """)
            #expect(changed.status == .ok, "\(changed.body.string)")
            clock.advance(by: 86_400 + 10 * 3_600)
            #expect(try code(try await world.api(.PUT, path, as: W.coordinator, json: """
                {"title": "x", \(Self.window), "options": ["a", "b"]}
                """)) == "poll.started")

            // refusals name their rule
            #expect(try code(try await vote(0, #"{"choices": [1, 2]}"#)) == "poll.one_choice")
            #expect(try code(try await vote(0, #"{"choices": [7]}"#)) == "poll.unknown_option")
            #expect(try code(try await vote(0, #"{}"#)) == "poll.no_choice")
            #expect(try await world.api(.POST, path + "/vote", as: nil, json: #"{"choices": [1]}"#).status == .unauthorized)
            // votes; one changed, one abstention
            for (index, choice) in [(0, 1), (1, 2), (2, 2), (3, 3), (4, 2)] {
                #expect(try await vote(index, #"{"choices": [\#(choice)]}"#).status == .created)
            }
            let again = try await vote(0, #"{"choices": [2]}"#)
            #expect(try again.decoded(TestPollReceipt.self).version == 2)
            #expect(try await vote(5, #"{"abstain": true}"#).status == .created)
            #expect(try await PollVote.query(on: app.db).filter(\.$pollID == UUID(uuidString: id)!).count() == 6)

            // hidden while open: the API refuses, the page shows no count, the stored votes name no one
            #expect(try code(try await world.api(.GET, path + "/results", as: W.coordinator)) == "poll.results_at_close")
            let page = try await world.api(.GET, "/ar/polls/\(id)", as: W.coordinator, language: "ar")
            #expect(page.status == .ok && !page.body.string.contains("poll.turnout") && !page.body.string.contains("<meter"))
            let stored = try await PollVote.query(on: app.db).filter(\.$pollID == UUID(uuidString: id)!).all()
            let citizens = try await User.query(on: app.db).all().compactMap { $0.id?.uuidString.lowercased() }
            #expect(stored.allSatisfy { vote in vote.castBy == nil && !citizens.contains { vote.voterLink.contains($0) } })
            #expect(try code(try await world.api(.POST, path + "/outcome", as: W.coordinator,
                                                 json: #"{"outcome": "x"}"#)) == "poll.not_closed")

            clock.advance(by: 8 * 86_400)
            #expect(try code(try await vote(1, #"{"choices": [1]}"#)) == "poll.closed")
            let results = try await world.api(.GET, path + "/results", as: nil).decoded(TestPollResults.self)
            #expect(results.voted == 5 && results.abstentions == 1)
            #expect(results.options.map(\.score) == [0, 4, 1])
            #expect(results.selected == [2])
            // the outcome: the organiser's alone, after the close, shown on the page
            #expect(try await world.api(.POST, path + "/outcome", as: W.citizen(0),
                                        json: #"{"outcome": "لا"}"#).status == .forbidden)
            #expect(try await world.api(.POST, path + "/outcome", as: W.coordinator,
                                        json: #"{"outcome": "   "}"#).status == .unprocessableEntity)
            #expect(try await world.api(.POST, path + "/outcome", as: W.coordinator,
                                        json: #"{"outcome": "يقام السوق في المدرسة يوم الجمعة."}"#).status == .ok)
            let closed = try await world.api(.GET, "/ar/polls/\(id)", as: nil, language: "ar").body.string
            #expect(closed.contains("يقام السوق في المدرسة يوم الجمعة.") && closed.contains("المدرسة"))
            #expect(closed.contains("الفائز"))
        }
    }

    @Test func aRankedPollWithLiveResultsFindsTheOptionNoOtherBeats() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let world = try await W.make(app, citizens: 5)
            let id = try await Self.create(world, method: "schulze", visibility: "live", abstain: false)
            let path = "/api/v1/polls/\(id)"
            #expect(try await world.api(.GET, path + "/results", as: nil).decoded(TestProblem.self).code
                    == "poll.results_at_close")
            clock.advance(by: 86_400 + 10 * 3_600)
            // 2 voters: A>B>C, 2 voters: B>C>A, 1 voter: C>B>A. B beats A (3–2) and C (4–1): B wins, then A and C.
            for (index, ranking) in [[1, 2, 3], [1, 2, 3], [2, 3, 1], [2, 3, 1], [3, 2, 1]].enumerated() {
                let cast = try await world.api(.POST, path + "/vote", as: W.citizen(index),
                                               json: #"{"choices": \#(ranking)}"#)
                #expect(cast.status == .created, "\(cast.body.string)")
            }
            #expect(try await world.api(.POST, path + "/vote", as: W.citizen(0), json: #"{"abstain": true}"#)
                .decoded(TestProblem.self).code == "poll.abstain_not_allowed")
            #expect(try await world.api(.POST, path + "/vote", as: W.citizen(0), json: #"{"choices": [1, 1]}"#)
                .decoded(TestProblem.self).code == "poll.repeated_option")
            let live = try await world.api(.GET, path + "/results", as: nil).decoded(TestPollResults.self)
            #expect(live.selected == [2])
            #expect(live.pairwise?[1][0] == 3 && live.pairwise?[1][2] == 4)
        }
    }

    @Test func votingThroughThePageWithBoxesRanksAndAbstention() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let world = try await W.make(app, citizens: 2)
            // the organiser's form: options one per line, refused with every problem on its field
            let organiser = Browser(app)
            try await signIn(organiser, email: W.coordinator)
            _ = try await organiser.get("/fr/polls/new")
            let refused = try await organiser.post("/fr/polls", form: [
                "process_id": world.processID.uuidString, "title": "", "options": "Seule", "method": "borda",
                "opens_at": "2026-03-03T10:00", "closes_at": "demain"])
            #expect(refused.status == .unprocessableEntity)
            for field in ["title", "options", "method", "closes_at"] {
                #expect(refused.body.string.contains(#"id="\#(field)-error""#), "\(field)")
            }
            let created = try await organiser.post("/fr/polls", form: [
                "process_id": world.processID.uuidString, "title": "Quels ateliers ?", "language": "fr",
                "options": "Couture\nInformatique\nJardinage", "method": "approval", "results_visibility": "live",
                "allow_abstain": "true", "opens_at": "2026-03-03T10:00", "closes_at": "2026-03-10T18:00"])
            #expect(created.status == .seeOther)
            let page = try #require(created.headers.first(name: .location))
            clock.advance(by: 86_400 + 12 * 3_600)

            let voter = Browser(app)
            try await signIn(voter, email: W.citizen(0))
            _ = try await voter.get(page)
            let none = try await voter.post(page + "/vote", form: [:])
            #expect(none.status == .unprocessableEntity && none.body.string.contains(#"id="vote-choices-error""#))
            let cast = try await voter.post(page + "/vote", form: [:], extra: [("choices[]", "1"), ("choices[]", "3")])
            #expect(cast.status == .ok && cast.body.string.contains("Votre vote est enregistré"))
            #expect(cast.body.string.contains("Couture › Jardinage"))
            let abstained = try await voter.post(page + "/vote", form: ["abstain": "true"])
            #expect(abstained.status == .ok && abstained.body.string.contains("abstention"))
            let other = Browser(app)
            try await signIn(other, email: W.citizen(1))
            _ = try await other.get(page)
            #expect(try await other.post(page + "/vote", form: [:], extra: [("choices[]", "2")]).status == .ok)
            let results = try await world.api(.GET, "/api/v1/polls/\(page.split(separator: "/").last!)/results", as: nil)
                .decoded(TestPollResults.self)
            #expect(results.options.map(\.score) == [0, 1, 0] && results.abstentions == 1)

            // a ranked poll on the page: ranks per option, two options on one rank refused
            try await signIn(organiser, email: W.coordinator)  // a day and a half later: a new session
            _ = try await organiser.get("/fr/polls/new")
            let ranked = try await organiser.post("/fr/polls", form: [
                "process_id": world.processID.uuidString, "title": "Priorités", "language": "fr",
                "options": "Eau\nRoutes\nÉcoles", "method": "schulze", "opens_at": "2026-03-03T10:00",
                "closes_at": "2026-03-10T18:00"])
            #expect(ranked.status == .seeOther, "\(ranked.status) \(ranked.body.string.suffix(1500))")
            let rankedPage = try #require(ranked.headers.first(name: .location))
            _ = try await voter.get(rankedPage)
            let same = try await voter.post(rankedPage + "/vote", form: [:],
                                            extra: [("ranks[]", "1"), ("ranks[]", "1"), ("ranks[]", "")])
            #expect(same.status == .unprocessableEntity && same.body.string.contains("Donnez un rang différent"))
            let good = try await voter.post(rankedPage + "/vote", form: [:],
                                            extra: [("ranks[]", "2"), ("ranks[]", ""), ("ranks[]", "1")])
            #expect(good.status == .ok && good.body.string.contains("Écoles › Eau"))
        }
    }
}

struct TestPoll: Decodable {
    let id: String
}

struct TestPollReceipt: Decodable {
    let version: Int
}

struct TestPollResults: Decodable {
    struct Option: Decodable {
        let position: Int
        let score: Int
    }
    struct Roll: Decodable {
        let name: String
        let weight: Int
        let via: [String]
        let vote: String
    }
    let voted: Int
    let abstentions: Int
    let absent: Int?
    let options: [Option]
    let selected: [Int]
    let pairwise: [[Int]]?
    let roll: [Roll]?
}
