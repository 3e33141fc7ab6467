import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Project pages: forms, translated errors, no partial writes")
struct ProjectPagesTests {
    @Test func aBadProjectFormIsExplainedInFrenchAndSavesNothing() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let browser = Browser(app)
            try await signIn(browser, email: ProjectsWorld.representative)
            let form = try await browser.get("/fr/projects/new")
            #expect(form.status == .ok && form.body.string.contains("Association Tadamoun"))
            let before = try await Project.query(on: app.db).count()

            // act: nothing but a wrong budget, a funding line without amount and dates the wrong way round (the other
            // fields empty, sent as a browser sends them)
            let refused = try await browser.post("/fr/projects", form: [
                "organization_id": world.association.id!.uuidString, "budget_minor": "beaucoup", "funding": "PNUD",
                "starts_on": "2026-05-01", "ends_on": "2026-01-01", "expected_jobs": "٥", "title[ar]": "", "title[fr]": "",
                "title[en]": "", "summary": "", "social_need": "", "beneficiaries": "", "domain_code": "", "wilaya_code": "",
                "partners": "",
            ])

            // assert
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("Veuillez corriger les champs signalés"))
            #expect(html.contains("Saisissez un nombre."))
            #expect(html.contains("Écrivez chaque source sous la forme"))
            #expect(html.contains(#"id="beneficiaries-error">Ce champ est obligatoire."#))
            #expect(html.contains(#"id="title_ar" name="title[ar]" type="text" lang="ar" dir="rtl" value="" aria-invalid="true""#))
            #expect(try await Project.query(on: app.db).count() == before)

            // and a good one (Arabic-Indic digits, amounts with spaces) is saved as a draft and submitted from its page
            let saved = try await browser.post("/fr/projects", form: [
                "organization_id": world.association.id!.uuidString, "title[ar]": "مخبزة تضامنية", "summary": "خبز للحي",
                "social_need": "بطالة النساء", "beneficiaries": "١٢ امرأة", "domain_code": "sse.women", "wilaya_code": "05",
                "budget_minor": "1 200 000", "funding": "Fonds propres: 200 000,50", "starts_on": "2026-04-01",
                "ends_on": "2027-04-01", "expected_jobs": "٥",
            ])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location))
            let project = try #require(try await Project.query(on: app.db).filter(\.$organizationID == world.association.id!)
                .sort(\.$createdAt, .descending).first())
            #expect(project.expectedJobs == 5 && project.budgetMinor == 120_000_000)
            #expect(project.funding == [FundingSource(source: "Fonds propres", amountMinor: 20_000_050)])
            _ = try await browser.get(location)
            let submitted = try await browser.post(location + "/transitions", form: ["action": "submit"])
            #expect(submitted.status == .seeOther)
            #expect(try await browser.get(location).body.string.contains("<strong>Soumis</strong>"))
        }
    }

    @Test func aRefusedStepAndABadReportAreExplainedOnThePage() async throws {
        try await withShabaka(demo: true, clock: ManualClock(december2026)) { app in
            _ = try await ProjectsWorld.make(app)
            let browser = Browser(app)
            try await signIn(browser, email: ProjectsWorld.representative)
            let path = "/ar/projects/\(ProjectsDemo.flagshipSlug)"
            let page = try await browser.get(path)
            #expect(page.body.string.contains("إيداع تقرير متابعة"))
            let steps = try await WorkflowStep.query(on: app.db).count()

            // act
            let suspend = try await browser.post(path + "/transitions", form: ["action": "suspend", "reason": "x"])
            let report = try await browser.post(path + "/reports", form: [
                "period": "2026-Q9", "narrative": "", "jobs_created_breakdown[sex][f]": "2", "jobs_created_breakdown[sex][m]": "1", "jobs_created_breakdown[age_group][18_24]": "1",
            ])

            // assert: a 403 page naming who may suspend; the report form back with each problem, in Arabic
            #expect(suspend.status == .forbidden)
            #expect(suspend.body.string.contains("المراجع") || suspend.body.string.contains("منسق"))
            #expect(report.status == .unprocessableEntity)
            let html = report.body.string
            #expect(html.contains(#"id="period-error""#) && html.contains(#"id="narrative-error""#))
            // the age groups that do not add up to the total are a rule over several inputs: in the summary only
            #expect(!html.contains(#"id="jobs_created_breakdown_age_group_under_18-error""#))
            #expect(FormPage(html).summaries.first?.contains("مجموع التفصيل لا يساوي القيمة.") == true)
            #expect(FormPage(html).brokenSummaryLinks.isEmpty)
            #expect(try await WorkflowStep.query(on: app.db).count() == steps)
            #expect(try await ProjectReport.query(on: app.db).filter(\.$period == "2026-Q9").count() == 0)

            // a good report: jobs created and sustained, each by sex and age group
            let good = try await browser.post(path + "/reports", form: [
                "period": "2026-Q4", "narrative": "نقطة بيع ثانية", "jobs_created_breakdown[sex][f]": "2", "jobs_created_breakdown[sex][m]": "1",
                "jobs_created_breakdown[age_group][18_24]": "3", "jobs_sustained_breakdown[sex][f]": "3", "jobs_sustained_breakdown[sex][m]": "1", "jobs_sustained_breakdown[age_group][25_34]": "2",
                "jobs_sustained_breakdown[age_group][35_plus]": "2", "beneficiaries": "50", "revenue_minor": "120000", "volunteers": "4",
            ])
            #expect(good.status == .seeOther)
            let filed = try #require(try await ProjectReport.query(on: app.db).filter(\.$period == "2026-Q4").first())
            let sustained: Breakdown = ["sex": ["f": 3, "m": 1], "age_group": ["25_34": 2, "35_plus": 2]]
            #expect(filed.jobsCreated == 3 && filed.jobsSustained == 4)
            #expect(filed.jobsSustainedBreakdown == sustained)
            #expect(filed.revenueMinor == 12_000_000)
        }
    }

    @Test func theEvaluationFormKeepsWhatWasTypedAndExplainsEachField() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            _ = try await ProjectsWorld.make(app)
            let browser = Browser(app)
            try await signIn(browser, email: ProjectsWorld.evaluator)
            let path = "/fr/projects/\(ProjectsDemo.flagshipSlug)"
            _ = try await browser.get(path)

            // act
            let response = try await browser.post(path + "/evaluations", form: [
                "phase": "mid_term", "scores[relevance]": "9", "scores[coherence]": "3", "scores[effectiveness]": "3",
                "scores[efficiency]": "", "scores[impact]": "2", "scores[sustainability]": "4", "findings": "", "recommendations": "r",
            ])

            // assert
            let html = response.body.string
            #expect(response.status == .unprocessableEntity)
            #expect(html.contains(#"id="scores_relevance-error">Saisissez un nombre entier de 1 à 4."#))
            #expect(html.contains(#"id="scores_efficiency-error">Ce champ est obligatoire."#))
            #expect(html.contains(#"id="findings-error">Ce champ est obligatoire."#))
            #expect(html.contains(#"name="scores[coherence]" type="text" inputmode="numeric" dir="ltr" required value="3""#))
            #expect(try await Evaluation.query(on: app.db).count() == 2)
        }
    }

    @Test func theDifficultyProcedureOnItsPage() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            _ = try await ProjectsWorld.make(app)
            let difficulty = try #require(try await Difficulty.query(on: app.db).filter(\.$state == .reported).first())
            let path = "/en/difficulties/\(difficulty.id!)"
            let expert = Browser(app)
            try await signIn(expert, email: ProjectsWorld.expert)
            _ = try await expert.get(path)

            // the cause is required to diagnose; then the expert proposes an alternative
            let empty = try await expert.post(path + "/transitions", form: ["action": "diagnose", "reason": " "])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("This field is required."))
            #expect(try await expert.post(path + "/transitions", form: ["action": "diagnose", "reason": "No shop in Algiers."])
                .status == .seeOther)
            _ = try await expert.get(path)
            let badCost = try await expert.post(path + "/solutions", form: ["description": "Shared stand", "cost_minor": "cheap",
                                                                           "duration_days": "30"])
            #expect(badCost.status == .unprocessableEntity && badCost.body.string.contains(#"id="solution-cost_minor-error">Enter a number."#))
            #expect(try await expert.post(path + "/solutions", form: ["description": "Shared stand at the Algiers fair",
                                                                      "cost_minor": "120000", "duration_days": "30"]).status == .seeOther)

            // the coordinator decides on the page
            let coordinator = Browser(app)
            try await signIn(coordinator, email: ProjectsWorld.coordinator)
            let page = try await coordinator.get(path).body.string
            #expect(page.contains("Shared stand at the Algiers fair") && page.contains("120,000\u{00A0}DZD"))
            let decideLine = try #require(page.components(separatedBy: "<tr>").first { $0.hasPrefix(#"<td data-label="Step">Decide</td>"#) })
            #expect(decideLine.contains("Diagnosed, Escalated to the observatory") && decideLine.contains("Coordinator"))
            let solution = try #require(try await Solution.query(on: app.db).filter(\.$difficultyID == difficulty.id!).first())
            let noOwner = try await coordinator.post(path + "/decision", form: [
                "solution_id": solution.id!.uuidString, "reason": "Cheapest", "owner": "", "deadline": "2026-04-01",
            ])
            #expect(noOwner.status == .unprocessableEntity && noOwner.body.string.contains(#"id="decision-owner-error""#))
            let decided = try await coordinator.post(path + "/decision", form: [
                "solution_id": solution.id!.uuidString, "reason": "Cheapest", "owner": "Nour's president", "deadline": "2026-04-01",
            ])
            #expect(decided.status == .seeOther)
            let after = try await coordinator.get(path).body.string
            #expect(after.contains("Carried out by Nour&#39;s president before 1 April 2026"))
            let board = try await coordinator.get("/en/difficulties?category=market_access").body.string
            #expect(board.contains("Decided"))
        }
    }

    @Test func aCompanyPledgesOnTheCSRPageAndTheCoordinatorRecordsDeliveries() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let company = Browser(app)
            try await signIn(company, email: ProjectsWorld.companyRep)
            let page = try await company.get("/ar/csr")
            #expect(page.body.string.contains("تسجيل التعهد"))

            // a bad value is explained; a good pledge is recorded
            let bad = try await company.post("/ar/csr", form: ["company_id": world.company.id!.uuidString, "kind": "in_kind",
                                                             "description": "", "value_minor": "كثير"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains(#"id="pledge-value_minor-error">أدخل رقماً."#))
            #expect(bad.body.string.contains(#"id="pledge-description-error""#))
            let sloppy = try await company.post("/ar/csr", form: ["company_id": world.company.id!.uuidString, "kind": "in_kind",
                                                                "description": "أجهزة تبريد", "value_minor": "12abc"])
            #expect(sloppy.status == .unprocessableEntity && sloppy.body.string.contains(#"id="pledge-value_minor-error""#))
            let good = try await company.post("/ar/csr", form: ["company_id": world.company.id!.uuidString, "kind": "in_kind",
                                                              "description": "أجهزة تبريد", "value_minor": "200,000"])
            #expect(good.status == .seeOther)
            let pledge = try #require(try await CSRPledge.query(on: app.db).filter(\.$details == "أجهزة تبريد").first())
            #expect(pledge.valueMinor == 20_000_000 && pledge.state == .pledged)

            // the coordinator confirms it, then records deliveries
            let coordinator = Browser(app)
            try await signIn(coordinator, email: ProjectsWorld.coordinator)
            _ = try await coordinator.get("/en/csr")
            #expect(try await coordinator.post("/en/csr/\(pledge.id!)/transitions", form: ["action": "confirm"]).status == .seeOther)
            _ = try await coordinator.get("/en/csr")
            let tooMuch = try await coordinator.post("/en/csr/\(pledge.id!)/deliveries",
                                                     form: ["delivered_on": "2026-03-02", "value_minor": "250000", "note": ""])
            #expect(tooMuch.status == .unprocessableEntity && tooMuch.body.string.contains("More than what remains to be delivered."))
            let half = try await coordinator.post("/en/csr/\(pledge.id!)/deliveries",
                                                  form: ["delivered_on": "2026-03-02", "value_minor": "١٠٠٬٠٠٠", "note": "first lot"])
            #expect(half.status == .seeOther)
            let after = try await coordinator.get("/en/csr").body.string
            #expect(after.contains("<bdi>50%</bdi>"))
        }
    }
}
