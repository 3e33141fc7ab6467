import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import SQLKit
import Testing
import VaporTesting

/// While a vote is open, nothing anyone can read tells the count or who chose what: pages, the API, the ballots
/// file, the personal-data export, notifications, e-mails, the audit log and the stored ballots themselves.
@Suite("Budget elections: nothing leaks while the vote is open")
struct ElectionSecrecyTests {
    typealias W = ParticipationWorld

    @Test func everyOutputWhileOpenHoldsNoTallyAndNoIdentity() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            // setup: 12 voters and one assisted ballot
            let election = try await ElectionWorld.make(app, clock: clock, voters: 13)
            election.open()
            let outboxBefore = try await OutboxMessage.query(on: app.db).count()
            let notificationsBefore = try await UserNotification.query(on: app.db).count()
            var receipts: [String] = []
            for index in 0..<12 {
                let cast = try await election.vote(index, ElectionWorld.ballot(index))
                receipts.append(try cast.decoded(TestReceipt.self).receipt)
            }
            let assisted = try await election.world.api(
                .POST, election.path + "/ballot/assisted", as: W.coordinator,
                json: #"{"document_kind": "national_id", "document_number": "109876543210", "projects": [8, 6], "sex": "f"}"#)
            #expect(assisted.status == .created, "\(assisted.body.string)")
            receipts.append(try assisted.decoded(TestReceipt.self).receipt)
            let voters = try await User.query(on: app.db).filter(\.$email ~~ (0..<12).map(W.citizen)).all()
            let identities = voters.flatMap { [$0.email, $0.displayName, $0.id?.uuidString ?? "-", $0.id?.uuidString.lowercased() ?? "-"] }
            let links = try await election.ballots(app).map(\.voterLink)
            #expect(links.count == 13)

            // act: every output a person, an organiser or an administrator can read
            var outputs: [(String, String)] = []
            for email in [nil, W.citizen(0), W.citizen(12), W.coordinator] as [String?] {
                for path in ["/api/v1/pb-elections", election.path, election.path + "/results",
                             election.path + "/ballots.pb", election.path + "/ballots.pb?budget=1"] {
                    let response = try await election.world.api(.GET, path, as: email)
                    outputs.append(("\(email ?? "anonymous") GET \(path) \(response.status.code)", response.body.string))
                    if path.contains("results") || path.contains("ballots.pb") {
                        #expect(response.status == .conflict, "\(path) must be refused while open")
                    }
                }
            }
            for email in [W.citizen(0), W.coordinator] {
                let data = try await election.world.api(.GET, "/api/v1/me/data", as: email)
                outputs.append(("\(email) personal data", data.body.string))
            }
            for (email, language) in [(nil, "ar"), (W.citizen(0), "fr"), (W.coordinator, "ar")] as [(String?, String)] {
                let browser = Browser(app)
                if let email { try await signIn(browser, email: email) }
                for path in ["/\(language)/pb-elections", "/\(language)/pb-elections/\(election.id)",
                             "/\(language)/pb-elections/\(election.id)/results", "/\(language)/notifications"] {
                    let page = try await browser.get(path)
                    if path.hasSuffix(election.id) || path.hasSuffix("pb-elections") { #expect(page.status == .ok) }
                    outputs.append(("\(email ?? "anonymous") page \(path) \(page.status.code)", page.body.string))
                }
            }
            let audit = try await AuditEntry.query(on: app.db).filter(\.$subjectType == "budget_election").all()
                .map { "\($0.action) \($0.actorLabel) \($0.details)" }.joined(separator: "\n")
            outputs.append(("audit log", audit))
            let mail = try await OutboxMessage.query(on: app.db).all().map { $0.subject + "\n" + $0.body }
            outputs.append(("e-mails", mail.joined(separator: "\n")))

            // assert: no receipt, no keyed link, no count, no voter named beside the vote
            for (name, text) in outputs {
                for receipt in receipts { #expect(!text.contains(receipt), "\(name) shows a receipt") }
                for link in links { #expect(!text.contains(link), "\(name) shows a voter link") }
                for key in ["\"ballots\"", "\"selected\"", "\"turnout\"", "\"voters\"", "\"score\"", "VOTES"] {
                    #expect(!text.contains(key), "\(name) holds \(key)")
                }
            }
            // (a voter's own pages name them in the menu: only others' views are looked at for names)
            let electionOutputs = outputs.filter {
                ($0.0.contains("pb-elections") && !$0.0.hasPrefix("citizen")) || $0.0 == "audit log"
            }
            for (name, text) in electionOutputs {
                for identity in identities { #expect(!text.contains(identity), "\(name) names a voter: \(identity)") }
            }
            // a voter sees their own choice, nobody else does
            let own = try await election.world.api(.GET, election.path, as: W.citizen(0)).body.string
            let other = try await election.world.api(.GET, election.path, as: W.citizen(12)).body.string
            #expect(own.contains(#""my_ballots":[{"#))
            #expect(other.contains(#""my_ballots":[]"#))
            // voting wrote no e-mail and no notification
            #expect(try await OutboxMessage.query(on: app.db).count() == outboxBefore)
            #expect(try await UserNotification.query(on: app.db).count() == notificationsBefore)
            // the stored ballots have no column that could name a person
            let sql = try #require(app.db as? any SQLDatabase)
            let row = try #require(try await sql.raw("SELECT * FROM election_ballots").first())
            #expect(Set(row.allColumns) == ["id", "election_id", "budget_id", "voter_link", "receipt", "projects",
                                            "channel", "version"])
            let turnout = try #require(try await sql.raw("SELECT * FROM election_turnout").first())
            #expect(Set(turnout.allColumns) == ["id", "election_id", "channel", "wilaya_code", "sex", "age_group", "voters"])
        }
    }
}
