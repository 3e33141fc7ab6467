import Agreements
import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// 2026-03-02, so deadlines and periods are deterministic.
let march2026 = Date(timeIntervalSince1970: 1_772_409_600)
/// 2026-12-15.
let december2026 = Date(timeIntervalSince1970: 1_797_292_800)

@Suite("A project's whole life through the API")
struct ProjectLifeTests {
    struct ProjectAnswer: Decodable {
        struct Step: Decodable { let action: String; let to: String; let actor: String?; let actor_kind: String }
        let id: UUID
        let state: String
        let history: [Step]
    }

    struct DifficultyAnswer: Decodable {
        struct Solution: Decodable { let id: UUID; let chosen: Bool }
        struct Step: Decodable { let action: String; let to: String; let actor: String?; let actor_kind: String }
        let id: UUID
        let state: String
        let cause: String?
        let solutions: [Solution]
        let history: [Step]
    }

    typealias W = ProjectsWorld

    /// A new project's address and a step taker for it.
    struct Started {
        let world: ProjectsWorld
        let id: UUID
        var path: String { "/api/v1/projects/\(id)" }

        func step(_ action: String, _ reason: String? = nil, as email: String) async throws -> TestingHTTPResponse {
            let body = reason.map { #"{"action": "\#(action)", "reason": "\#($0)"}"# } ?? #"{"action": "\#(action)"}"#
            return try await world.api(.POST, path + "/transitions", as: email, json: body)
        }
    }

    /// A draft taken through submission, review, approval and start, each by whom it belongs to.
    static func startedProject(_ world: ProjectsWorld) async throws -> Started {
        let created = try await world.api(.POST, "/api/v1/projects", as: W.representative, json: world.projectJSON)
        let project = Started(world: world, id: try created.decoded(ProjectAnswer.self).id)
        for (action, email) in [("submit", W.representative), ("start_review", W.reviewer), ("approve", W.reviewer),
                                ("start", W.representative)] {
            #expect(try await project.step(action, as: email).status == .ok, "\(action)")
        }
        return project
    }

    @Test func aDraftIsSubmittedReviewedApprovedAndStartedWithEveryRefusalExplained() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await ProjectsWorld.make(app)

            // a draft, submitted by the association's representative
            let created = try await world.api(.POST, "/api/v1/projects", as: W.representative, json: world.projectJSON)
            #expect(created.status == .created)
            let project = try created.decoded(ProjectAnswer.self)
            #expect(project.state == "draft")
            let started = Started(world: world, id: project.id)
            let path = started.path
            func step(_ action: String, _ reason: String? = nil, as email: String) async throws -> TestingHTTPResponse {
                try await started.step(action, reason, as: email)
            }
            #expect(try await step("submit", as: W.representative).state == "submitted")

            // refused steps say what is allowed and who may act
            let ownApproval = try await step("start_review", as: W.representative)
            #expect(ownApproval.status == .forbidden)
            #expect(ownApproval.body.string.contains("Reviewer") && ownApproval.body.string.contains("Coordinator"))
            let rep = try #require(try await User.query(on: app.db).filter(\.$email == W.representative).first())
            rep.preferredLanguage = .fr
            try await rep.save(on: app.db)
            #expect(try await step("start_review", as: W.reviewer).state == "under_review")
            let told = try await UserNotification.query(on: app.db).filter(\.$user.$id == rep.id!)
                .filter(\.$messageKey == "notification.project_under_review").first()
            #expect(told?.arguments == ["Coopérative du miel de montagne"])
            let rejectWithoutReason = try await step("reject", as: W.reviewer)
            #expect(rejectWithoutReason.status == .unprocessableEntity && rejectWithoutReason.body.string.contains(#""field":"reason""#))
            #expect(try await step("approve", as: W.reviewer).state == "approved")
            let tooEarly = try await step("complete", as: W.representative)
            #expect(tooEarly.status == .conflict)
            #expect(tooEarly.body.string.contains("Start"))
            let arabic = try await world.api(.POST, path + "/transitions", as: W.representative,
                                             json: #"{"action": "complete"}"#, language: "ar")
            #expect(arabic.body.string.contains("الانطلاق"))
            #expect(try await step("start", as: W.representative).state == "in_progress")
        }
    }

    @Test func aDifficultyIsDiagnosedGivenTwoSolutionsDecidedAndResolved() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let path = try await Self.startedProject(world).path

            // a difficulty: reported → diagnosed → two solutions → decision → resolved
            let reported = try await world.api(.POST, path + "/difficulties", as: W.representative, json: """
                {"category": "funding", "severity": "high", "title": "تأخر صرف التمويل", "description": "لم يصل الشطر الثاني."}
                """)
            #expect(reported.status == .created)
            let difficulty = try reported.decoded(DifficultyAnswer.self)
            let difficultyPath = "/api/v1/difficulties/\(difficulty.id)"
            let earlyDecision = try await world.api(.POST, difficultyPath + "/decision", as: W.coordinator,
                                                    json: #"{"reason": "x", "owner": "y", "deadline": "2026-03-20"}"#)
            #expect(earlyDecision.status == .conflict)
            let diagnosed = try await world.api(.POST, difficultyPath + "/transitions", as: W.expert,
                                                json: #"{"action": "diagnose", "reason": "ملف التبرير ناقص."}"#)
            #expect(diagnosed.state == "diagnosed")
            #expect(try diagnosed.decoded(DifficultyAnswer.self).cause == "ملف التبرير ناقص.")
            // the association is told of the diagnosis, with the cause
            let representative = try #require(try await User.query(on: app.db).filter(\.$email == W.representative).first())
            let told = try await UserNotification.query(on: app.db).filter(\.$user.$id == representative.requireID())
                .filter(\.$messageKey == "notification.difficulty_step_diagnose").all()
            #expect(told.count == 1 && told.first?.arguments.last == "ملف التبرير ناقص.")
            for solution in [#"{"description": "قرض مرحلي", "cost_minor": 0, "duration_days": 15}"#,
                             #"{"description": "بيع مسبق", "cost_minor": 5000000, "duration_days": 45}"#] {
                #expect(try await world.api(.POST, difficultyPath + "/solutions", as: W.expert, json: solution).status == .created)
            }
            let badSolution = try await world.api(.POST, difficultyPath + "/solutions", as: W.expert,
                                                  json: #"{"description": "", "cost_minor": -1, "duration_days": 0}"#)
            #expect(badSolution.status == .unprocessableEntity)
            for field in ["description", "cost_minor", "duration_days"] {
                #expect(badSolution.body.string.contains(#""field":"\#(field)""#))
            }
            let solutions = try await world.api(.GET, difficultyPath, as: nil).decoded(DifficultyAnswer.self).solutions
            #expect(solutions.count == 2)
            let stepsBefore = try await WorkflowStep.query(on: app.db).count()
            let notYours = try await world.api(.POST, difficultyPath + "/decision", as: W.representative, json: """
                {"solution_id": "\(solutions[0].id)", "reason": "الأسرع", "owner": "أمين المال", "deadline": "2026-03-20"}
                """)
            #expect(notYours.status == .forbidden)
            let pastDeadline = try await world.api(.POST, difficultyPath + "/decision", as: W.coordinator, json: """
                {"solution_id": "\(UUID())", "reason": "الأسرع", "owner": "", "deadline": "2026-02-01"}
                """, language: "fr")
            #expect(pastDeadline.status == .unprocessableEntity)
            for field in ["solution_id", "owner", "deadline"] { #expect(pastDeadline.body.string.contains(#""field":"\#(field)""#)) }
            #expect(pastDeadline.body.string.contains("Choisissez aujourd"))
            #expect(try await WorkflowStep.query(on: app.db).count() == stepsBefore)
            let decided = try await world.api(.POST, difficultyPath + "/decision", as: W.coordinator, json: """
                {"solution_id": "\(solutions[0].id)", "reason": "الأسرع ودون كلفة", "owner": "أمين المال", "deadline": "2026-03-20"}
                """)
            #expect(decided.state == "decided")
            let resolveWithoutNote = try await world.api(.POST, difficultyPath + "/transitions", as: W.representative,
                                                         json: #"{"action": "resolve"}"#)
            #expect(resolveWithoutNote.status == .unprocessableEntity)
            let resolved = try await world.api(.POST, difficultyPath + "/transitions", as: W.representative,
                                               json: #"{"action": "resolve", "reason": "صُرف القرض وجُدِّد المخزون."}"#)
            let final = try resolved.decoded(DifficultyAnswer.self)
            #expect(final.state == "resolved")
            #expect(final.history.map(\.action) == ["report", "diagnose", "decide", "resolve"])
            #expect(final.solutions.filter(\.chosen).map(\.id) == [solutions[0].id])
        }
    }

    @Test func aDecisionPastItsDeadlineIsEscalatedByTheWorkerNotByReading() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await ProjectsWorld.make(app)
            let path = try await Self.startedProject(world).path

            // another difficulty whose decision deadline passes: escalated to the observatory
            let second = try await world.api(.POST, path + "/difficulties", as: W.representative, json: """
                {"category": "legal", "severity": "medium", "title": "رخصة الاستغلال", "description": "تأخر تجديد الرخصة."}
                """).decoded(DifficultyAnswer.self)
            let secondPath = "/api/v1/difficulties/\(second.id)"
            _ = try await world.api(.POST, secondPath + "/transitions", as: W.coordinator,
                                    json: #"{"action": "diagnose", "reason": "ملف ناقص لدى البلدية."}"#)
            let alternative = try await world.api(.POST, secondPath + "/solutions", as: W.expert,
                                                  json: #"{"description": "مراسلة الوالي", "cost_minor": 0, "duration_days": 5}"#)
                .decoded(DifficultyAnswer.self).solutions[0]
            _ = try await world.api(.POST, secondPath + "/decision", as: W.coordinator, json: """
                {"solution_id": "\(alternative.id)", "reason": "أسرع طريق", "owner": "رئيس الجمعية", "deadline": "2026-03-06"}
                """)
            #expect(try await world.api(.GET, secondPath, as: nil).state == "decided")
            clock.advance(by: 3 * 86_400)   // 2026-03-05: deadline not passed yet
            #expect(try await world.api(.GET, secondPath, as: nil).state == "decided")
            clock.advance(by: 2 * 86_400)   // 2026-03-07: passed
            // reading shows it overdue and changes nothing; the worker's command escalates it
            let overdue = try await world.api(.GET, secondPath, as: nil)
            #expect(overdue.state == "decided" && overdue.body.string.contains(#""overdue":true"#))
            #expect(await runCommand(app, ["projects", "escalate"]).output.contains("escalated 1 overdue difficulty"))
            let board = try await world.api(.GET, "/api/v1/difficulties?state=escalated", as: nil).body.string
            #expect(board.contains(second.id.uuidString))
            let escalated = try await world.api(.GET, secondPath, as: nil).decoded(DifficultyAnswer.self)
            #expect(escalated.state == "escalated")
            #expect(escalated.history.last?.action == "escalate" && escalated.history.last?.actor_kind == "automatic")
            let coordinatorID = try #require(try await User.query(on: app.db).filter(\.$email == W.coordinator).first()?.id)
            let notices = try await UserNotification.query(on: app.db).filter(\.$user.$id == coordinatorID).all().map(\.messageKey)
            #expect(notices.contains("notification.difficulty_escalated"))
            #expect(try await AuditEntry.query(on: app.db).all().map(\.action).contains("difficulty.escalate"))
        }
    }

    @Test func aProjectIsSuspendedResumedCompletedAndEvaluated() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let started = try await Self.startedProject(world)
            let path = started.path
            func step(_ action: String, _ reason: String? = nil, as email: String) async throws -> TestingHTTPResponse {
                try await started.step(action, reason, as: email)
            }

            // suspended and resumed with reasons, completed, then the final evaluation closes it
            let suspendWithoutReason = try await step("suspend", as: W.reviewer)
            #expect(suspendWithoutReason.status == .unprocessableEntity)
            #expect(try await step("suspend", "انتظار الرخصة", as: W.reviewer).state == "suspended")
            #expect(try await step("resume", "صدرت الرخصة", as: W.reviewer).state == "in_progress")
            #expect(try await step("complete", as: W.representative).state == "completed")
            let badScores = try await world.api(.POST, path + "/evaluations", as: W.evaluator, json: """
                {"phase": "final", "scores": {"relevance": 7, "coherence": 3}, "findings": "", "recommendations": "r"}
                """)
            #expect(badScores.status == .unprocessableEntity)
            for field in ["scores.relevance", "scores.effectiveness", "findings"] {
                #expect(badScores.body.string.contains(#""field":"\#(field)""#))
            }
            let byRepresentative = try await world.api(.POST, path + "/evaluations", as: W.representative, json: "{}")
            #expect(byRepresentative.status == .forbidden)
            let evaluation = try await world.api(.POST, path + "/evaluations", as: W.evaluator, json: """
                {"phase": "final", "scores": {"relevance": 4, "coherence": 3, "effectiveness": 3, "efficiency": 2,
                 "impact": 3, "sustainability": 4}, "findings": "ستة مناصب شغل.", "recommendations": "التوسع إلى خنشلة."}
                """)
            #expect(evaluation.status == .created)
            #expect(evaluation.body.string.contains(#""average":3.17"#))
            let closed = try await world.api(.GET, path, as: nil).decoded(ProjectAnswer.self)
            #expect(closed.state == "evaluated")
            #expect(closed.history.map(\.action) == ["create", "submit", "start_review", "approve", "start", "suspend", "resume",
                                                     "complete", "evaluate"])
            let compared = try await world.api(.GET, "/api/v1/evaluations?phase=final", as: nil).body.string
            #expect(compared.contains("batna-honey-cooperative") && compared.contains("ghardaia-women-weaving-workshop"))
            let table = try await app.testing().sendRequest(.GET, "/fr/evaluations?phase=final").body.string
            #expect(table.contains("/fr/projects/batna-honey-cooperative#evaluations") && table.contains("<strong>3.17</strong>"))
            let badPhase = try await app.testing().sendRequest(.GET, "/fr/evaluations?phase=yearly")
            #expect(badPhase.status == .unprocessableEntity)
        }
    }

    @Test func aFollowUpReportsJobsAppearInTheStrategyIndicator() async throws {
        try await withShabaka(demo: true, clock: ManualClock(december2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-03").first())
            struct Measurement: Decodable { let period: String; let value: Double; let breakdown: [String: [String: Double]] }
            struct Page: Decodable { let items: [Measurement] }
            func q3() async throws -> Measurement? {
                try await world.api(.GET, "/api/v1/indicators/\(indicator.id!)/measurements?size=100", as: nil)
                    .decoded(Page.self).items.first { $0.period == "2026-Q3" }
            }
            func yearValue() async throws -> Double? {
                struct Report: Decodable {
                    struct Axis: Decodable { let objectives: [Objective] }
                    struct Objective: Decodable { let indicators: [Line] }
                    struct Line: Decodable { let code: String; let progress: Progress }
                    struct Progress: Decodable { let value: Double? }
                    let axes: [Axis]
                }
                return try await world.api(.GET, "/api/v1/strategies/\(AgreementsDemo.strategySlug)?year=2026", as: nil)
                    .decoded(Report.self).axes.flatMap(\.objectives).flatMap(\.indicators).first { $0.code == "IND-03" }?.progress.value
            }
            let before = try #require(try await q3())
            let yearBefore = try #require(try await yearValue())
            #expect(before.value == 11)   // the two demo projects' reports

            // act: the flagship demo project (in progress) reports 3 new jobs for the last quarter
            let filed = try await world.api(.POST, "/api/v1/projects/\(ProjectsDemo.flagshipSlug)/reports",
                                            as: ProjectsWorld.representative, json: """
                {"period": "2026-Q4", "narrative": "نقطة بيع ثانية.", "jobs_created": 3,
                 "jobs_created_breakdown": {"sex": {"f": 2, "m": 1}, "age_group": {"18_24": 3}},
                 "jobs_sustained": 5, "beneficiaries": 55, "revenue_minor": 90000000, "volunteers": 10}
                """)
            let again = try await world.api(.POST, "/api/v1/projects/\(ProjectsDemo.flagshipSlug)/reports",
                                            as: ProjectsWorld.representative,
                                            json: #"{"period": "2026-Q4", "narrative": "x", "jobs_created": 0, "jobs_sustained": 0, "beneficiaries": 0, "revenue_minor": 0, "volunteers": 0}"#)
            let unbalanced = try await world.api(.POST, "/api/v1/projects/\(ProjectsDemo.flagshipSlug)/reports",
                                                 as: ProjectsWorld.representative, json: """
                {"period": "2026-10", "narrative": "x", "jobs_created": 4, "jobs_created_breakdown": {"sex": {"f": 1, "m": 1}},
                 "jobs_sustained": 0, "beneficiaries": 0, "revenue_minor": 0, "volunteers": 0}
                """)
            let stranger = try await world.api(.POST, "/api/v1/projects/\(ProjectsDemo.flagshipSlug)/reports",
                                               as: ProjectsWorld.companyRep, json: "{}")

            // assert: the strategy's indicator has the figure, split by sex, age group and wilaya, without re-typing
            #expect(filed.status == .created)
            let q4 = try #require(try await world.api(.GET, "/api/v1/indicators/\(indicator.id!)/measurements?size=100", as: nil)
                .decoded(Page.self).items.first { $0.period == "2026-Q4" })
            #expect(q4.value == 3)
            #expect(q4.breakdown["sex"] == ["f": 2, "m": 1])
            #expect(q4.breakdown["age_group"] == ["18_24": 3])
            #expect(q4.breakdown["wilaya"] == ["05": 3])
            #expect(try await yearValue() == yearBefore + 3)
            #expect(try await q3()?.value == 11)
            #expect(again.status == .conflict && again.body.string.contains("2026-Q4"))
            #expect(unbalanced.status == .unprocessableEntity)
            #expect(unbalanced.body.string.contains(#""field":"jobs_created_breakdown.sex""#))
            #expect(stranger.status == .forbidden)
            #expect(try await ProjectReport.query(on: app.db).filter(\.$period == "2026-10").count() == 0)
            let future = try await world.api(.POST, "/api/v1/projects/\(ProjectsDemo.flagshipSlug)/reports",
                                             as: ProjectsWorld.representative, json: """
                {"period": "2027-Q1", "narrative": "x", "jobs_created": 0, "jobs_sustained": 0, "beneficiaries": 0,
                 "revenue_minor": 0, "volunteers": 0}
                """, language: "fr")
            #expect(future.status == .unprocessableEntity && future.body.string.contains(#""field":"period""#))
            let page = try await app.testing().sendRequest(
                .GET, "/en/strategies/\(AgreementsDemo.strategySlug)/indicators/\(indicator.id!)").body.string
            #expect(page.contains("Follow-up reports of network projects"))
        }
    }
}
