import Agreements
import Directory
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Staff author a strategy through the pages, as a browser posts them: the strategy, an axis, an objective, an
/// indicator with its targets and method; a measurement; the public dashboard shows it.
@Suite("Authoring strategies on the site")
struct StrategyPagesTests {
    @Test func staffAuthorAStrategyAndItsIndicatorThenTheDashboardShowsTheMeasurement() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "coordinator@example.org", name: "Nadia", roles: [.coordinator])
            try await makeUser(app, email: "member@example.org", roles: [.member])
            let staff = Browser(app)
            try await signIn(staff, email: "coordinator@example.org")
            let member = Browser(app)
            try await signIn(member, email: "member@example.org")
            let network = try #require(try await Organization.query(on: app.db).filter(\.$slug == DirectoryDemo.networkSlug).first())

            // act: the strategy (a refused form first), an axis, an objective, an indicator (refused, then good)
            let form = try await staff.get("/fr/strategies/new")
            let forbidden = try await member.get("/fr/strategies/new")
            let refused = try await staff.post("/fr/strategies", form: ["title[fr]": "", "owner": network.id!.uuidString,
                                                                         "start_year": "2027", "end_year": "2025"])
            let created = try await staff.post("/fr/strategies", form: [
                "title[fr]": "Plan du réseau 2027-2029", "title[ar]": "مخطط الشبكة 2027-2029", "owner": network.id!.uuidString,
                "start_year": "٢٠٢٧", "end_year": "2029", "slug": "",
            ])
            let structure = try #require(created.location)
            _ = try await staff.get(structure)
            let axis = try await staff.post("/fr/strategies/plan-du-reseau-2027-2029/axes",
                                             form: ["code": "A1", "title[fr]": "Formation"])
            let axisID = try #require(try await StrategyAxis.query(on: app.db).filter(\.$code == "A1")
                .join(Strategy.self, on: \StrategyAxis.$strategyID == \Strategy.$id)
                .filter(Strategy.self, \.$slug == "plan-du-reseau-2027-2029").first()?.id)
            _ = try await staff.get(structure)
            let objective = try await staff.post("/fr/strategies/plan-du-reseau-2027-2029/axes/\(axisID)/objectives",
                                                  form: ["code": "O1.1", "title[fr]": "Former les associations"])
            let objectiveID = try #require(try await StrategyObjective.query(on: app.db).filter(\.$axisID == axisID).first()?.id)
            let newIndicator = "/fr/strategies/plan-du-reseau-2027-2029/objectives/\(objectiveID)/indicators"
            let indicatorPage = try await staff.get(newIndicator + "/new")
            var fields = ["code": "PR-01", "name[fr]": "Associations formées", "unit[fr]": "associations",
                          "method[fr]": "Feuilles de présence", "baseline": "abc", "baseline_year": "2026",
                          "direction": "increase", "aggregation": "sum", "disaggregations[]": "sex",
                          "targets[2027]": "20", "targets[2028]": "40", "targets[2029]": "60"]
            let badIndicator = try await staff.post(newIndicator, form: fields)
            fields["baseline"] = "0"
            let indicator = try await staff.post(newIndicator, form: fields)
            let indicatorPath = try #require(indicator.location)
            _ = try await staff.get(indicatorPath)
            let measured = try await staff.post(indicatorPath, form: ["period": "2027-Q1", "value": "12",
                                                                      "breakdown[sex][f]": "7", "breakdown[sex][m]": "5",
                                                                      "source": "Feuilles de présence"])
            let dashboard = try await Browser(app).get("/fr/strategies/plan-du-reseau-2027-2029?year=2027").body.string
            let history = try await staff.get(structure).body.string

            // assert
            #expect(form.status == .ok && forbidden.status == .forbidden)
            #expect(refused.status == .unprocessableEntity
                && refused.body.string.contains(#"id="end_year" name="end_year" type="text" inputmode="numeric" dir="ltr" required value="2025" aria-invalid="true""#))
            #expect(created.status == .seeOther && structure == "/fr/strategies/plan-du-reseau-2027-2029/structure")
            #expect(axis.status == .seeOther && objective.status == .seeOther && indicatorPage.status == .ok)
            #expect(indicatorPage.body.string.contains(#"name="targets[2029]""#))
            #expect(badIndicator.status == .unprocessableEntity
                && badIndicator.body.string.contains(#"value="abc" aria-invalid="true""#))
            #expect(indicator.status == .seeOther && measured.status == .seeOther)
            #expect(dashboard.contains("Associations formées") && dashboard.contains("12"))
            #expect(history.contains("Indicateur ajouté") && history.contains("Nadia (Coordinat"))
            let saved = try #require(try await Indicator.query(on: app.db).filter(\.$code == "PR-01").first())
            #expect(saved.targets == ["2027": 20, "2028": 40, "2029": 60] && saved.method?.fr == "Feuilles de présence")
            #expect(saved.disaggregations == "sex")
        }
    }

    @Test func staffAddAYearlyPlanAndItsActivitiesOnTheStructurePage() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let staff = Browser(app)
            try await signIn(staff, email: "coordinator@example.org")
            let structure = "/ar/strategies/\(AgreementsDemo.strategySlug)/structure"
            _ = try await staff.get(structure)

            // act
            let refused = try await staff.post("/ar/strategies/\(AgreementsDemo.strategySlug)/action-plans",
                                               form: ["year": "2029", "title[ar]": ""])
            let plan = try await staff.post("/ar/strategies/\(AgreementsDemo.strategySlug)/action-plans",
                                            form: ["year": "2029", "title[ar]": "مخطط عمل 2029"])
            let planID = try #require(try await ActionPlan.query(on: app.db).filter(\.$year == 2029).first()?.id)
            _ = try await staff.get(structure)
            let badBudget = try await staff.post("/ar/strategies/\(AgreementsDemo.strategySlug)/action-plans/\(planID)/activities",
                                                 form: ["title[ar]": "ورشة", "state": "planned", "budget_minor": "كثير"])
            let activity = try await staff.post("/ar/strategies/\(AgreementsDemo.strategySlug)/action-plans/\(planID)/activities",
                                                form: ["title[ar]": "ورشة تكوين الأمناء", "state": "planned",
                                                       "budget_minor": "٢٥٠٠٠٠", "starts_on": "2029-03-01"])
            let page = try await staff.get(structure).body.string

            // assert
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("plan-title-error"))
            #expect(plan.status == .seeOther && badBudget.status == .unprocessableEntity && activity.status == .seeOther)
            #expect(page.contains("مخطط عمل 2029") && page.contains("ورشة تكوين الأمناء"))
            let saved = try #require(try await Activity.query(on: app.db).filter(\.$actionPlanID == planID).first())
            #expect(saved.budgetMinor == 25_000_000 && saved.startsOn == "2029-03-01")
        }
    }
}
