import Directory
import Fluent
import Foundation
import Participation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting
import Voting

/// What an election's organiser sets beside the ballots and what follows the count: projects that exclude each
/// other (the count funds one, says why the other was not, and the published file carries them so a recount
/// agrees), budgets added on the draft's page, and a funded project made a project of the Projects room.
@Suite("Budget elections: exclusive projects, budgets on the page, funded projects become projects")
struct ElectionOutcomesTests {
    typealias W = ParticipationWorld

    @Test func projectsThatExcludeEachOtherAreNeverBothFundedAndTheRecountAgrees() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let world = try await W.make(app, citizens: 10)
            // 1 and 2 are two designs of one garden; 3 stands alone. The budget would fund all three.
            let body = """
                {"process_id": "\(world.processID)", "title": "Le jardin", "language": "fr", "rule": "greedy",
                 "opens_at": "2026-03-03T09:00:00Z", "closes_at": "2026-03-10T18:00:00Z",
                 "budgets": [{"amount": 1000000}],
                 "projects": [{"title": "Jardin A", "cost": 200000, "exclusive_group": "jardin"},
                              {"title": "Jardin B", "cost": 250000, "exclusive_group": "jardin"},
                              {"title": "Fontaine", "cost": 100000}]}
                """
            let created = try await world.api(.POST, "/api/v1/pb-elections", as: W.coordinator, json: body)
            #expect(created.status == .created, "\(created.body.string)")
            let election = try created.decoded(TestElection.self)
            let path = "/api/v1/pb-elections/\(election.id)"
            let tooLong = try await world.api(.POST, path + "/projects", as: W.coordinator, json: """
                {"title": "Jardin C", "cost": 1000, "exclusive_group": "\(String(repeating: "j", count: 41))"}
                """)
            #expect(tooLong.status == .unprocessableEntity)
            #expect(try tooLong.decoded(TestProblem.self).errors.first?.field == "exclusive_group")
            #expect(try await world.api(.POST, path + "/transitions", as: W.coordinator,
                                        json: #"{"action": "schedule"}"#).status == .ok)
            let ballotPage = try await world.api(.GET, "/fr/pb-elections/\(election.id)", as: nil).body.string
            #expect(ballotPage.contains("Exclut le projet n° 2 : un seul d’entre eux peut être financé."))
            clock.advance(by: ElectionWorld.opensAt.timeIntervalSince(clock.now()) + 60)
            // B is the most voted, A next: greedy funds B, passes over A, funds the fountain.
            for index in 0..<10 {
                let projects = index < 6 ? "[1, 2, 3]" : "[2]"
                let cast = try await world.api(.POST, path + "/ballot", as: W.citizen(index),
                                               json: #"{"projects": \#(projects)}"#)
                #expect(cast.status == .created, "both alternatives may be chosen: \(cast.body.string)")
            }
            clock.advance(by: ElectionWorld.closesAt.timeIntervalSince(clock.now()) + 60)
            let results = try await world.api(.GET, path + "/results", as: nil)
            let outcome = try results.decoded(TestElectionResults.self)
            #expect(outcome.selected == ["2", "3"])
            #expect(outcome.budgets[0].projects.first { $0.number == 1 }?.explanation?.kind == "exclusive")
            #expect(results.body.string.contains(#""excluded_by":"2""#))
            let page = try await world.api(.GET, "/ar/pb-elections/\(election.id)/results", as: nil).body.string
            #expect(page.contains("لم يموَّل: يستبعده المشروع رقم 2 الذي موِّل قبله."))

            // the published file carries the groups, and a recount of it gives the same outcome
            let file = try await world.api(.GET, path + "/ballots.pb?budget=1", as: nil).body.string
            #expect(file.contains("project_id;cost;name;category;exclusive"))
            let recount = try PabulibReader.read(text: file).tally(.greedy)
            #expect(recount.selected == outcome.selected)
            // without the column, the same ballots would fund both designs
            let withoutGroups = file.replacingOccurrences(of: ";jardin", with: ";")
            #expect(try PabulibReader.read(text: withoutGroups).tally(.greedy).selected.sorted() == ["1", "2", "3"])
        }
    }

    @Test func theOrganiserAddsBudgetsOnTheDraftsPage() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app, citizens: 1)
            let organiser = Browser(app)
            try await signIn(organiser, email: W.coordinator)
            _ = try await organiser.get("/fr/pb-elections/new")
            let created = try await organiser.post("/fr/pb-elections", form: [
                "process_id": world.processID.uuidString, "title": "Budgets des wilayas", "language": "fr",
                "budget": "500000", "rule": "mes-add1", "ballot_kind": "within_budget", "budgets_per_voter": "2",
                "opens_at": "2026-03-05T09:00", "closes_at": "2026-03-12T18:00",
            ])
            #expect(created.status == .seeOther, "\(created.body.string.prefix(600))")
            let path = try #require(created.headers.first(name: .location))
            let election = try #require(try await BudgetElection.query(on: app.db).filter(\.$title == "Budgets des wilayas").first())
            #expect(election.budgetsPerVoter == 2)
            let draft = try await organiser.get(path)
            #expect(draft.body.string.contains(#"action="\#(path)/budgets""#))
            let added = try await organiser.post(path + "/budgets", form: ["wilaya_code": "16", "amount": "300 000"])
            #expect(added.status == .seeOther)
            // a second budget for Algiers, and an amount that is not a number, are refused on their fields
            _ = try await organiser.get(path)
            let twice = try await organiser.post(path + "/budgets", form: ["wilaya_code": "16", "amount": "cent"])
            #expect(twice.status == .unprocessableEntity)
            let html = twice.body.string
            #expect(html.contains(#"id="budget-amount-error""#) && html.contains("Saisissez un nombre."))
            _ = try await organiser.get(path)
            let again = try await organiser.post(path + "/budgets", form: ["wilaya_code": "16", "amount": "100"])
            #expect(again.body.string.contains("Ce vote a déjà un budget pour ce lieu."))
            // through the API as well; the projects then go to the budget chosen
            let api = try await world.api(.POST, "/api/v1/pb-elections/\(try election.requireID())/budgets",
                                          as: W.coordinator, json: #"{"wilaya_code": "05", "amount": 200000}"#)
            #expect(api.status == .created, "\(api.body.string)")
            let budgets = try await ElectionBudget.query(on: app.db).filter(\.$electionID == election.requireID())
                .sort(\.$position).all()
            #expect(budgets.map(\.wilayaCode) == [nil, "16", "05"] && budgets.map(\.amount) == [500_000, 300_000, 200_000])
            _ = try await organiser.get(path)
            #expect(try await organiser.post(path + "/projects", form: ["title": "Bibliothèque", "cost": "250000",
                                                                          "budget": "2"]).status == .seeOther)
            let project = try #require(try await ElectionProject.query(on: app.db)
                .filter(\.$electionID == election.requireID()).first())
            #expect(project.budgetID == budgets[1].id)
            // scheduling with budgets still empty is refused on the vote's page, at its step form
            _ = try await organiser.get(path)
            let early = try await organiser.post(path + "/transitions", form: ["action": "schedule", "confirmed": "yes"])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("Chaque budget doit avoir au moins un projet avant de programmer le scrutin."))
            #expect(early.body.string.contains(#"action="\#(path)/budgets""#), "the draft's page, its forms still there")
            // someone else may not (to them the draft does not exist)
            #expect(try await world.api(.POST, "/api/v1/pb-elections/\(try election.requireID())/budgets",
                                        as: W.citizen(0), json: #"{"amount": 1}"#).status == .notFound)
        }
    }

    @Test func aFundedProjectBecomesAProjectOfTheProjectsRoomLinkedToTheElection() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let election = try await ElectionWorld.make(app, clock: clock, voters: 12)
            let world = election.world
            election.open()
            for index in 0..<12 { _ = try await election.vote(index, index < 8 ? [1, 8] : [5]) }
            election.close()
            let results = try await world.api(.GET, election.path + "/results", as: nil).decoded(TestElectionResults.self)
            #expect(results.selected.contains("1") && !results.selected.contains("2"))
            let association = try #require(try await Organization.query(on: app.db).filter(\.$slug == "tadamoun-batna").first())
            let details = """
                {"organization_id": "\(try association.requireID())", "social_need": "لا فضاء للعب في الحي.",
                 "beneficiaries": "300 عائلة", "starts_on": "2026-06-01", "ends_on": "2026-12-31", "expected_jobs": 2,
                 "domain_code": "sse.agriculture"}
                """
            // not funded, not the organiser: refused
            let notFunded = try await world.api(.POST, election.path + "/projects/2/project", as: W.coordinator, json: details)
            #expect(try notFunded.decoded(TestProblem.self).code == "election.not_funded")
            #expect(try await world.api(.POST, election.path + "/projects/1/project", as: W.citizen(0),
                                        json: details).status == .forbidden)
            // through the API: a draft project, its budget the project's cost, linked both ways
            let made = try await world.api(.POST, election.path + "/projects/1/project", as: W.coordinator, json: details)
            #expect(made.status == .created, "\(made.body.string)")
            struct Made: Decodable { let project_id: UUID; let slug: String }
            let project = try made.decoded(Made.self)
            struct ProjectAnswer: Decodable {
                struct Origin: Decodable { let kind: String; let id: UUID }
                let state: String
                let budget_minor: Int64
                let origin: Origin?
            }
            let answer = try await world.api(.GET, "/api/v1/projects/\(project.slug)", as: W.coordinator)
                .decoded(ProjectAnswer.self)
            #expect(answer.origin?.kind == "pb_election" && answer.origin?.id.uuidString.lowercased() == election.id.lowercased())
            #expect(answer.state == "draft" && answer.budget_minor == Int64(ElectionWorld.costs[0]) * 100)
            let linked = try await world.api(.GET, election.path + "/results", as: nil).body.string
            #expect(linked.contains(#""project_id":"\#(project.project_id.uuidString)""#))
            #expect(try await world.api(.POST, election.path + "/projects/1/project", as: W.coordinator, json: details)
                .decoded(TestProblem.self).code == "election.already_a_project")

            // on the pages: the results link to the project made and offer the form for the other funded one
            let organiser = Browser(app)
            try await signIn(organiser, email: W.coordinator)
            let resultsPage = try await organiser.get("/fr/pb-elections/\(election.id)/results").body.string
            #expect(resultsPage.contains("/fr/projects/\(project.slug)"))
            let form = try await organiser.get("/fr/pb-elections/\(election.id)/projects/8/project")
            #expect(form.status == .ok && form.body.string.contains(#"value="50000""#), "the cost is the budget offered")
            let refused = try await organiser.post("/fr/pb-elections/\(election.id)/projects/8/project", form: [
                "organization_id": "", "social_need": "Des familles sans eau.", "beneficiaries": "120 familles",
                "budget_minor": "50000",
                "starts_on": "2026-06-01", "ends_on": "2026-09-30", "expected_jobs": "1", "domain_code": "sse.agriculture",
            ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"id="project-organization_id-error""#))
            _ = try await organiser.get("/fr/pb-elections/\(election.id)/projects/8/project")
            let posted = try await organiser.post("/fr/pb-elections/\(election.id)/projects/8/project", form: [
                "organization_id": try association.requireID().uuidString, "social_need": "Des familles sans eau.",
                "beneficiaries": "120 familles", "budget_minor": "50000", "starts_on": "2026-06-01",
                "ends_on": "2026-09-30", "expected_jobs": "1", "domain_code": "sse.agriculture",
            ])
            #expect(posted.status == .seeOther)
            let location = try #require(posted.headers.first(name: .location))
            let projectPage = try await organiser.get(location).body.string
            #expect(projectPage.contains("Ce projet a été financé par le vote de budget participatif :"))
            #expect(try await Project.query(on: app.db).filter(\.$originKind == "pb_election").count() == 2)
        }
    }
}
