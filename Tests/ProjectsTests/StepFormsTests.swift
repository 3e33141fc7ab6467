import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// The forms of a project's page as people meet them: one form per step, destructive steps confirmed on a second
/// page, and an error summary that links to the fields it describes — and only those.
@Suite("Step forms: confirmation, error summary, one form per step")
struct StepFormsTests {
    typealias W = ProjectsWorld

    /// A project of the world's association, sent and under review: its page address.
    static func underReview(_ world: ProjectsWorld) async throws -> String {
        let created = try await world.api(.POST, "/api/v1/projects", as: W.representative, json: world.projectJSON)
        #expect(created.status == .created)
        for (action, email) in [("submit", W.representative), ("start_review", W.reviewer)] {
            let step = try await world.api(.POST, "/api/v1/projects/batna-honey-cooperative/transitions", as: email,
                                           json: #"{"action": "\#(action)"}"#)
            #expect(step.status == .ok, "\(action)")
        }
        return "/en/projects/batna-honey-cooperative"
    }

    static func state(_ app: Application) async throws -> ProjectState? {
        try await Project.query(on: app.db).filter(\.$slug == "batna-honey-cooperative").first()?.state
    }

    @Test func aRejectionIsConfirmedOnASecondPageAndOnlyTheConfirmedFormActs() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            // setup
            let world = try await ProjectsWorld.make(app)
            let path = try await Self.underReview(world)
            let reviewer = Browser(app)
            try await signIn(reviewer, email: W.reviewer)
            let page = try await reviewer.get(path).body.string
            let steps = try await WorkflowStep.query(on: app.db).count()

            // act: the button, then "Yes" without a reason, then "Yes" with one
            let asked = try await reviewer.post(path + "/transitions", form: ["action": "reject"])
            let stateAfterAsking = try await Self.state(app)
            let noReason = try await reviewer.post(path + "/transitions",
                                                   form: ["action": "reject", "confirmed": "yes", "reason": " "])
            let stateAfterNoReason = try await Self.state(app)
            let confirmed = try await reviewer.post(path + "/transitions",
                                                    form: ["action": "reject", "confirmed": "yes", "reason": "Budget unclear"])

            // assert: on the project's page, reject is a red button set apart, with no reason box of its own
            let destructive = try #require(page.components(separatedBy: #"<div class="steps steps-destructive">"#).last)
            #expect(destructive.contains(#"value="reject""#) && destructive.contains(#"class="danger">Reject</button>"#))
            #expect(!page.contains(#"id="step-reject-reason""#))
            #expect(page.contains(#"id="step-approve-reason""#))
            // the first press changes nothing and asks: what will happen, the reason, "Yes, reject", the way back
            #expect(asked.status == .ok)
            #expect(stateAfterAsking == .underReview)
            let question = asked.body.string
            #expect(question.contains("<h1>Confirm: Reject</h1>"))
            #expect(question.contains("It moves from “Under review” to “Rejected”."))
            #expect(question.contains(#"<input type="hidden" name="confirmed" value="yes">"#))
            #expect(question.contains(#"<input type="hidden" name="action" value="reject">"#))
            #expect(question.contains(#"id="confirm-reason" name="reason" rows="3" required"#))
            #expect(question.contains(#"class="danger">Yes, reject</button>"#))
            #expect(question.contains(#"<a href="\#(path)">No, go back</a>"#))
            // confirmed without the reason it needs: the confirmation page again, the error on its field and linked
            #expect(noReason.status == .unprocessableEntity)
            let refused = FormPage(noReason.body.string)
            #expect(refused.summaryLinks == ["confirm-reason"])
            #expect(refused.invalidFields == ["confirm-reason"])
            #expect(stateAfterNoReason == .underReview)
            // confirmed with a reason: done, once
            #expect(confirmed.status == .seeOther)
            #expect(try await Self.state(app) == .rejected)
            #expect(try await WorkflowStep.query(on: app.db).count() == steps + 1)
        }
    }

    @Test func aStepNotAllowedIsRefusedBeforeItsConfirmationIsAsked() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            // setup
            let world = try await ProjectsWorld.make(app)
            let path = try await Self.underReview(world)
            let representative = Browser(app)
            try await signIn(representative, email: W.representative)
            _ = try await representative.get(path)

            // act: the association may not reject its own project; nobody may reject a draft
            let notTheirs = try await representative.post(path + "/transitions", form: ["action": "reject"])

            // assert
            #expect(notTheirs.status == .forbidden)
            #expect(!notTheirs.body.string.contains(#"name="confirmed""#))
            #expect(try await Self.state(app) == .underReview)
        }
    }

    @Test func aRefusedStepIsSaidInTheSummaryOfItsFormOnlyAndOnNoField() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            // setup: the page is read while the project is under review, then it is approved meanwhile
            let world = try await ProjectsWorld.make(app)
            let path = try await Self.underReview(world)
            let reviewer = Browser(app)
            try await signIn(reviewer, email: W.reviewer)
            _ = try await reviewer.get(path)
            _ = try await world.api(.POST, "/api/v1/projects/batna-honey-cooperative/transitions", as: W.coordinator,
                                    json: #"{"action": "approve"}"#)

            // act: the reviewer approves from the page read before
            let late = try await reviewer.post(path + "/transitions", form: ["action": "approve", "reason": "Good"])

            // assert: 409, the refusal in the summary without a link, no field marked, no "correct the fields"
            #expect(late.status == .conflict)
            let page = FormPage(late.body.string)
            #expect(page.summaries.count == 1)
            #expect(page.summaries.first?.contains("is not possible while the file is") == true)
            #expect(page.summaryLinks.isEmpty && page.invalidFields.isEmpty)
            #expect(!late.body.string.contains("Please correct the fields marked below."))
        }
    }

    @Test func aSumThatDoesNotAddUpIsInTheSummaryNotOnAnEmptyField() async throws {
        try await withShabaka(demo: true, clock: ManualClock(december2026)) { app in
            // setup
            _ = try await ProjectsWorld.make(app)
            let browser = Browser(app)
            try await signIn(browser, email: W.representative)
            let path = "/en/projects/\(ProjectsDemo.flagshipSlug)"
            _ = try await browser.get(path)

            // act: 3 jobs by sex, 1 by age group; nothing else wrong
            let report = try await browser.post(path + "/reports", form: [
                "period": "2026-Q4", "narrative": "A second shop", "jobs_created_breakdown[sex][f]": "2",
                "jobs_created_breakdown[sex][m]": "1", "jobs_created_breakdown[age_group][18_24]": "1",
            ])

            // assert
            #expect(report.status == .unprocessableEntity)
            let page = FormPage(report.body.string)
            #expect(page.summaries.count == 1)
            #expect(page.summaries.first?.contains("The breakdown does not add up to the value.") == true)
            #expect(page.invalidFields.isEmpty, "\(page.invalidFields)")
            #expect(page.summaryLinks.isEmpty)
            #expect(!report.body.string.contains("Please correct the fields marked below."))
            #expect(!report.body.string.contains(#"id="jobs_created_breakdown_age_group_under_18-error""#))
        }
    }

    @Test func anEmptyReasonMarksOnlyTheFormThatWasSent() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            // setup: a difficulty the staff decided, whose page offers several steps
            let world = try await ProjectsWorld.make(app)
            let difficulty = try #require(try await Difficulty.query(on: app.db).filter(\.$state == .reported).first())
            let path = "/en/difficulties/\(difficulty.id!)"
            let coordinator = Browser(app)
            try await signIn(coordinator, email: W.coordinator)
            _ = try await coordinator.get(path)
            #expect(try await coordinator.post(path + "/transitions", form: ["action": "diagnose", "reason": "Late grant"])
                .status == .seeOther)
            let solution = try await world.api(.POST, "/api/v1/difficulties/\(difficulty.id!)/solutions", as: W.coordinator,
                                               json: #"{"description": "Bridge loan", "cost_minor": 0, "duration_days": 30}"#)
            #expect(solution.status == .created || solution.status == .ok)
            let page = try await coordinator.get(path).body.string
            let solutionID = try #require(try await Solution.query(on: app.db)
                .filter(\.$difficultyID == difficulty.id!).first()?.id)

            // act: the decision form sent without its reason, owner and deadline
            let decided = try await coordinator.post(path + "/decision", form: ["solution_id": solutionID.uuidString,
                                                                                 "reason": "", "owner": "", "deadline": ""])

            // assert: only the decision's fields are marked, each linked from the summary, and every link lands
            #expect(page.contains(#"id="solution-description""#) && page.contains(#"id="decision-reason""#))
            #expect(decided.status == .unprocessableEntity)
            let refused = FormPage(decided.body.string)
            #expect(refused.summaries.count == 1)
            #expect(Set(refused.invalidFields) == ["decision-reason", "decision-owner", "decision-deadline"])
            #expect(Set(refused.summaryLinks) == Set(refused.invalidFields))
            #expect(refused.brokenSummaryLinks.isEmpty)
            #expect(decided.body.string.contains("Please correct the fields marked below."))
        }
    }
}
