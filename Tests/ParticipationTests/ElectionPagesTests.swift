import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// The election pages as people use them: the organiser prepares and schedules a vote with forms, a voter is refused
/// on the form with the rule they broke, then votes and gets a receipt, and after the close the results page says in
/// Arabic why each project was or was not funded.
@Suite("Budget election pages: organiser, voter, results in Arabic")
struct ElectionPagesTests {
    typealias W = ParticipationWorld

    @Test func theOrganiserPreparesAndSchedulesAVoteWithForms() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app, citizens: 1)
            let organiser = Browser(app)
            try await signIn(organiser, email: W.coordinator)
            let form = try await organiser.get("/fr/pb-elections/new")
            #expect(form.status == .ok && form.body.string.contains(#"name="closes_at" type="datetime-local""#))

            // a refused form shows every problem on its field
            let refused = try await organiser.post("/fr/pb-elections", form: [
                "process_id": world.processID.uuidString, "title": "", "budget": "beaucoup", "rule": "borda",
                "opens_at": "2026-03-05T09:00", "closes_at": "2026-03-04T09:00",
            ])
            #expect(refused.status == .unprocessableEntity)
            let refusedHTML = refused.body.string
            for field in ["title", "budget", "closes_at"] {
                #expect(refusedHTML.contains(#"id="\#(field)-error""#), "\(field)")
            }
            #expect(refusedHTML.contains("Saisissez un nombre."))

            let created = try await organiser.post("/fr/pb-elections", form: [
                "process_id": world.processID.uuidString, "title": "Budget participatif 2026", "language": "fr",
                "budget": "1 000 000", "rule": "greedy", "ballot_kind": "within_budget", "max_projects": "3",
                "opens_at": "2026-03-05T09:00", "closes_at": "2026-03-12T18:00",
            ])
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            let election = try #require(try await BudgetElection.query(on: app.db).filter(\.$title == "Budget participatif 2026").first())
            #expect(election.opensAt == Date(timeIntervalSince1970: 1_772_697_600))  // 09:00 in Algeria is 08:00 UTC

            // projects one by one; a cost that is not a number is refused on its field
            _ = try await organiser.get(path)
            let badCost = try await organiser.post(path + "/projects", form: ["title": "Jardin", "cost": "cher"])
            #expect(badCost.status == .unprocessableEntity && badCost.body.string.contains(#"id="project-cost-error""#))
            for (title, cost) in [("Jardin partagé", "300000"), ("Bibliothèque", "450 000"), ("Terrain de sport", "600000")] {
                _ = try await organiser.get(path)
                let added = try await organiser.post(path + "/projects", form: ["title": title, "cost": cost, "wilaya_code": "16"])
                #expect(added.status == .seeOther, "\(added.body.string.prefix(500))")
            }
            _ = try await organiser.get(path)
            #expect(try await organiser.post(path + "/projects/3/removal", form: [:]).status == .seeOther)
            #expect(try await ElectionProject.query(on: app.db).filter(\.$electionID == election.requireID()).count() == 2)

            // scheduling is final: asked to confirm first
            let page = try await organiser.get(path)
            #expect(page.body.string.contains(#"action="\#(path)/transitions""#))
            let asked = try await organiser.post(path + "/transitions", form: ["action": "schedule"])
            #expect(asked.status == .ok && asked.body.string.contains(#"name="confirmed" value="yes""#))
            let scheduled = try await organiser.post(path + "/transitions", form: ["action": "schedule", "confirmed": "yes"])
            #expect(scheduled.status == .seeOther)
            #expect(try await BudgetElection.find(election.id, on: app.db)?.state == .scheduled)
            let afterwards = try await organiser.post(path + "/projects", form: ["title": "Trop tard", "cost": "10"])
            #expect(afterwards.status == .conflict)
            #expect(afterwards.body.string.contains("Le scrutin est programmé"))
        }
    }

    @Test func aVoterIsRefusedOnTheFormThenVotesAndTheArabicResultsExplainEachProject() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let election = try await ElectionWorld.make(app, clock: clock, voters: 12)
            election.open()
            for index in 1..<12 { _ = try await election.vote(index, ElectionWorld.ballot(index)) }
            let voter = Browser(app)
            try await signIn(voter, email: W.citizen(0))
            let path = "/ar/pb-elections/\(election.id)"
            let page = try await voter.get(path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains(#"<input type="checkbox" name="projects[]" value="5">"#))

            // over the budget: the form again, with the rule broken, in Arabic
            let over = try await voter.post(path + "/ballot", form: ["budget_id": election.budgetID],
                                            extra: [("projects[]", "5"), ("projects[]", "7"), ("projects[]", "1")])
            #expect(over.status == .unprocessableEntity)
            #expect(over.body.string.contains("أكثر من الميزانية"))
            #expect(over.body.string.contains(#"value="5" checked"#), "the boxes ticked stay ticked")

            let cast = try await voter.post(path + "/ballot", form: ["budget_id": election.budgetID],
                                            extra: [("projects[]", "1"), ("projects[]", "8")])
            #expect(cast.status == .ok, "\(cast.body.string.components(separatedBy: "<main").last?.prefix(1500) ?? "")")
            #expect(cast.headers.first(name: .cacheControl) == "no-store")
            let receipt = try #require(try await election.ballots(app).first { $0.projects == "1,8" })
            #expect(cast.body.string.contains(receipt.receipt))
            let again = try await voter.get(path)
            #expect(again.body.string.contains("صوّتَّ في هذه الميزانية"))
            #expect(again.body.string.contains(#"value="8" checked"#))

            election.close()
            let results = try await voter.get(path + "/results")
            #expect(results.status == .ok)
            let html = results.body.string
            let rows = html.components(separatedBy: "<tr data-item=").dropFirst()
            #expect(rows.count == 8)
            for row in rows {
                #expect(row.contains("موَّل") || row.contains("لم يموَّل"), "every project has its outcome")
                #expect(row.contains("<td data-label=\"السبب\">") && !row.contains("<td data-label=\"السبب\"></td>"),
                        "and its reason")
            }
            #expect(html.contains("الحصص المتساوية"))
            #expect(html.contains("/api/v1/pb-elections/\(election.id.lowercased())/ballots.pb?budget=1"))
            #expect(html.contains("أقل من 10"), "the small turnout groups are withheld")
        }
    }
}
