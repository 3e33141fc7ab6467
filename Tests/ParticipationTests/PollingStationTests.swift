import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Paper voting at a polling station: the organiser opens it with an officer; a citizen checked in cannot vote
/// online and one who voted online cannot be checked in; batches of paper ballots are checked against the rules and
/// never exceed the citizens checked in; the results wait for the station's count, then show each channel, and the
/// paper ballots are in the published file.
@Suite("Polling stations: check-in, paper ballots by batch, channels in the results")
struct PollingStationTests {
    typealias W = ParticipationWorld

    @Test func aStationChecksCitizensInAndItsPaperBallotsAreCounted() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let election = try await ElectionWorld.make(app, clock: clock, voters: 4)
            let world = election.world
            let stations = election.path + "/stations"
            #expect(try await world.api(.POST, stations, as: W.citizen(0),
                                        json: #"{"name": "x", "officers": ["coordinator@example.org"]}"#).status == .forbidden)
            let unknown = try await world.api(.POST, stations, as: W.coordinator,
                                              json: #"{"name": "مدرسة الأمير عبد القادر", "officers": ["nobody@example.org"]}"#)
            #expect(try unknown.decoded(TestProblem.self).errors.map(\.field) == ["officers.0"])
            let opened = try await world.api(.POST, stations, as: W.coordinator, json: """
                {"name": "مدرسة الأمير عبد القادر", "wilaya_code": "16", "officers": ["\(W.coordinator)"]}
                """)
            #expect(opened.status == .created, "\(opened.body.string)")
            let station = stations + "/" + (try opened.decoded(TestPoll.self).id)
            func checkIn(_ number: String, email: String? = nil, as officer: String = W.coordinator) async throws
                -> TestingHTTPResponse {
                let account = email.map { #", "email": "\#($0)""# } ?? ""
                return try await world.api(.POST, station + "/check-ins", as: officer,
                                           json: #"{"document_kind": "national_id", "document_number": "\#(number)"\#(account)}"#)
            }
            #expect(try await checkIn("109876543").decoded(TestProblem.self).code == "election.not_yet_open")
            election.open()
            #expect(try await checkIn("109876543", as: W.citizen(3)).status == .forbidden)
            // citizen 0 is checked in at the station: voting online is refused
            #expect(try await checkIn("109876543", email: W.citizen(0)).status == .created)
            #expect(try await election.vote(0, [1]).decoded(TestProblem.self).code == "election.checked_in")
            // citizen 1 voted online: checking them in is refused; the same document twice too
            #expect(try await election.vote(1, [2, 3]).status == .created)
            #expect(try await checkIn("209876543", email: W.citizen(1)).decoded(TestProblem.self).code == "election.voted_online")
            #expect(try await checkIn("109876543").decoded(TestProblem.self).code == "election.already_checked_in")
            for number in ["309876543", "409876543", "509876543"] { #expect(try await checkIn(number).status == .created) }

            // batches: a ballot over the budget is refused with its line; never more papers than citizens checked in
            func batch(_ json: String) async throws -> TestingHTTPResponse {
                try await world.api(.POST, station + "/batches", as: W.coordinator, json: json)
            }
            let over = try await batch(#"{"number": 1, "ballots": [[1, 2], [1, 5, 7]], "blank": 0}"#)
            #expect(try over.decoded(TestProblem.self).errors.map(\.field) == ["ballots.1"])
            #expect(try await batch(#"{"number": 1, "ballots": [[1], [2], [3]], "blank": 1, "spoiled": 1}"#)
                .decoded(TestProblem.self).code == "election.more_ballots_than_voters")
            #expect(try await batch(#"{"number": 1, "ballots": [[1, 2], [4, 6]], "blank": 1}"#).status == .created)
            #expect(try await batch(#"{"number": 1, "ballots": [[8]]}"#).status == .unprocessableEntity)
            #expect(try await world.api(.POST, station + "/count", as: W.coordinator).decoded(TestProblem.self).code
                    == "election.not_closed_yet")

            election.close()
            #expect(try await checkIn("609876543").decoded(TestProblem.self).code == "election.closed")
            let waiting = try await world.api(.GET, election.path + "/results", as: nil)
            #expect(try waiting.decoded(TestProblem.self).code == "election.stations_counting")
            #expect(try await batch(#"{"number": 2, "ballots": [[3]]}"#).status == .created)
            #expect(try await world.api(.POST, station + "/count", as: W.coordinator).status == .ok)
            #expect(try await batch(#"{"number": 3, "ballots": [[3]]}"#).decoded(TestProblem.self).code
                    == "election.station_counted")
            let results = try await world.api(.GET, election.path + "/results", as: nil)
            #expect(results.status == .ok, "\(results.body.string)")
            let body = results.body.string
            #expect(body.contains(#""checked_in":4"#) && body.contains(#""blank":1"#) && body.contains(#""ballots":3"#))
            #expect(try results.decoded(TestElectionResults.self).budgets[0].ballots == 4)  // 1 online + 3 on paper
            let file = try await world.api(.GET, election.path + "/ballots.pb", as: nil).body.string
            #expect(file.contains("num_votes;4"))
        }
    }

    @Test func anOfficerUsesTheStationPage() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let election = try await ElectionWorld.make(app, clock: clock, voters: 1)
            let officer = Browser(app)
            election.open()
            try await signIn(officer, email: W.coordinator)
            let list = "/fr/pb-elections/\(election.id)/stations"
            #expect(try await officer.get(list).body.string.contains(#"id="officers""#))
            let opened = try await officer.post(list, form: ["name": "Salle des fêtes", "wilaya_code": "16",
                                                             "officers": W.coordinator])
            #expect(opened.status == .seeOther)
            let page = try #require(opened.headers.first(name: .location))
            _ = try await officer.get(page)
            let checked = try await officer.post(page + "/check-ins", form: ["document_kind": "national_id",
                                                                             "document_number": "123456789"])
            #expect(checked.status == .ok && checked.body.string.contains("Citoyen enregistré"))
            let bad = try await officer.post(page + "/batches", form: ["number": "1", "ballots": "1, 2\n٣ x"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains(#"id="batch-ballots-error""#))
            let good = try await officer.post(page + "/batches", form: ["number": "1", "ballots": "١، ٢", "blank": ""])
            #expect(good.status == .ok && good.body.string.contains("Lot 1 saisi."))
        }
    }
}
