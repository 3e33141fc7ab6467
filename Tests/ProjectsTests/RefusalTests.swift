import Agreements
import Directory
import Fluent
import Foundation
import Platform
import Projects
import SQLKit
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Refusals: huge numbers, overlapping periods, shortcuts and strangers get clear errors, never a 500")
struct RefusalTests {
    @Test func hugeNumbersAreFieldErrorsNotCrashes() async throws {
        try await withShabaka(demo: true, clock: ManualClock(december2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let browser = Browser(app)
            try await signIn(browser, email: ProjectsWorld.representative)
            let path = "/en/projects/\(ProjectsDemo.flagshipSlug)"
            _ = try await browser.get(path)

            // act
            let form = try await browser.post(path + "/reports", form: [
                "period": "2026-Q4", "narrative": "x", "jobs_created_breakdown[sex][f]": "9223372036854775807",
                "jobs_created_breakdown[sex][m]": "9223372036854775807",
            ])
            let api = try await world.api(.POST, "/api/v1/projects/\(ProjectsDemo.flagshipSlug)/reports",
                                          as: ProjectsWorld.representative, json: """
                {"period": "2026-Q4", "narrative": "x", "jobs_created": 1, "jobs_created_breakdown": {"sex": {"f": 1e300}},
                 "jobs_sustained": 0, "beneficiaries": 0, "revenue_minor": 0, "volunteers": 0}
                """)
            var project = world.projectJSON
            project = project.replacingOccurrences(of: #""amount_minor": 100000000"#, with: #""amount_minor": 9223372036854775807"#)
                .replacingOccurrences(of: #"}],"#, with: #"}, {"source": "b", "amount_minor": 9223372036854775807}],"#)
            let funding = try await world.api(.POST, "/api/v1/projects", as: ProjectsWorld.representative, json: project)

            // assert
            #expect(form.status == .unprocessableEntity && form.body.string.contains("Enter a whole number from 0 to 10000000."))
            #expect(api.status == .unprocessableEntity && api.body.string.contains(#""field":"jobs_created_breakdown.sex""#))
            #expect(funding.status == .unprocessableEntity && funding.body.string.contains(#""field":"funding.0.amount_minor""#))
            #expect(try await ProjectReport.query(on: app.db).filter(\.$period == "2026-Q4").count() == 0)
        }
    }

    @Test func overlappingPeriodsAndShortcutsAreRefused() async throws {
        try await withShabaka(demo: true, clock: ManualClock(december2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let reports = "/api/v1/projects/\(ProjectsDemo.flagshipSlug)/reports"
            func file(_ period: String) async throws -> TestingHTTPResponse {
                try await world.api(.POST, reports, as: ProjectsWorld.representative, json: """
                    {"period": "\(period)", "narrative": "x", "jobs_created": 1, "jobs_sustained": 0, "beneficiaries": 0,
                     "revenue_minor": 0, "volunteers": 0}
                    """)
            }

            // act
            let month = try await file("2026-10")
            let quarter = try await file("2026-Q4")
            let year = try await file("2026")
            let evaluate = try await world.api(.POST, "/api/v1/projects/ghardaia-women-weaving-workshop/transitions",
                                               as: ProjectsWorld.evaluator, json: #"{"action": "evaluate"}"#)
            let unknown = try await world.api(.POST, "/api/v1/projects/\(ProjectsDemo.flagshipSlug)/transitions",
                                              as: ProjectsWorld.reviewer, json: #"{"action": "teleport"}"#, language: "fr")
            let onDraft = try await world.api(.POST, "/api/v1/projects/batna-local-products-webshop/difficulties",
                                              as: ProjectsWorld.representative,
                                              json: #"{"category": "legal", "severity": "low", "title": "t", "description": "d"}"#)

            // assert: the month's jobs would be counted twice by a quarter report, and again by a yearly one
            #expect(month.status == .created)
            #expect(quarter.status == .conflict && quarter.body.string.contains("2026-10"))
            #expect(year.status == .unprocessableEntity && year.body.string.contains(#""field":"period""#))
            #expect(evaluate.status == .conflict && evaluate.body.string.contains("final evaluation"))
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains(#""field":"action""#))
            #expect(onDraft.status == .conflict)
        }
    }

    @Test func expertiseRequestsAreVisibleOnlyToTheirAssociationStaffAndAssignedExpert() async throws {
        try await withShabaka(demo: true) { app in
            let world = try await ProjectsWorld.make(app)
            let request = try #require(try await ExpertiseRequest.query(on: app.db).first())

            let anonymous = try await world.api(.GET, "/api/v1/expertise-requests", as: nil)
            let stranger = try await world.api(.GET, "/api/v1/expertise-requests/\(request.id!)", as: ProjectsWorld.companyRep)
            let strangersList = try await world.api(.GET, "/api/v1/expertise-requests", as: ProjectsWorld.companyRep)
            let own = try await world.api(.GET, "/api/v1/expertise-requests/\(request.id!)", as: ProjectsWorld.representative)
            let expert = try await world.api(.GET, "/api/v1/expertise-requests", as: ProjectsWorld.expert)

            #expect(anonymous.status == .unauthorized)
            #expect(stranger.status == .forbidden)
            #expect(strangersList.status == .ok && !strangersList.body.string.contains(request.id!.uuidString))
            // the association sees its request, not the experts' ranking; an expert sees only what is assigned to them
            #expect(own.status == .ok && !own.body.string.contains(#""matches""#))
            #expect(expert.status == .ok && !expert.body.string.contains(request.id!.uuidString))
        }
    }

    @Test func anIndicatorIsBoundToAReportFigureAndRecomputed() async throws {
        try await withShabaka(demo: true, clock: ManualClock(december2026)) { app in
            let world = try await ProjectsWorld.make(app)
            let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-03").first())
            let path = "/api/v1/indicators/\(indicator.id!)/feed"
            func q3() async throws -> Double? {
                try await Measurement.query(on: app.db).filter(\.$indicatorID == indicator.id!).filter(\.$period == "2026-Q3")
                    .first()?.value
            }
            try await Measurement.query(on: app.db).filter(\.$period == "2026-Q3").delete()

            // act
            let citizen = try await world.api(.PUT, path, as: ProjectsWorld.citizen, json: #"{"metric": "jobs_created"}"#)
            let wrong = try await world.api(.PUT, path, as: ProjectsWorld.coordinator, json: #"{"metric": "smiles"}"#)
            let bound = try await world.api(.PUT, path, as: ProjectsWorld.coordinator, json: #"{"metric": "jobs_created"}"#)
            let recomputed = try await q3()
            let unbound = try await world.api(.PUT, path, as: ProjectsWorld.coordinator, json: #"{"metric": null}"#)
            let shown = try await world.api(.GET, path, as: nil).body.string

            // assert
            #expect(citizen.status == .forbidden)
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains(#""field":"metric""#))
            #expect(bound.status == .ok && recomputed == 11)
            #expect(unbound.status == .ok && !shown.contains("jobs_created"))
        }
    }
}

@Suite("Concurrent steps")
struct ConcurrentStepTests {
    @Test func aStepOnAStaleCopyIsRefusedAndWritesNothing() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            _ = try await ProjectsWorld.make(app)
            let reviewer = try #require(try await User.query(on: app.db).filter(\.$email == ProjectsWorld.reviewer).first())
            let user = CurrentUser(id: reviewer.id!, email: reviewer.email, displayName: reviewer.displayName, language: .en,
                                   roles: [.reviewer])
            // two reviewers opened the same project under review; the first approves it
            let first = try #require(try await Project.query(on: app.db).filter(\.$slug == "biskra-plastic-recycling").first())
            let second = try #require(try await Project.query(on: app.db).filter(\.$slug == "biskra-plastic-recycling").first())
            try await ProjectService.transition(first, action: "approve", reason: nil, by: user, on: app.db, now: app.clock.now(),
                                                catalog: app.catalog, baseURL: "")
            let steps = try await WorkflowStep.query(on: app.db).count()

            // act: the second, on their stale copy, rejects it
            await #expect(throws: WorkflowError.changedMeanwhile) {
                try await ProjectService.transition(second, action: "reject", reason: "budget", by: user, on: app.db,
                                                    now: app.clock.now(), catalog: app.catalog, baseURL: "")
            }

            // assert
            #expect(try await Project.query(on: app.db).filter(\.$slug == "biskra-plastic-recycling").first()?.state == .approved)
            #expect(try await WorkflowStep.query(on: app.db).count() == steps)
        }
    }
}

@Suite("Database errors as people see them")
struct DatabaseErrorTests {
    @Test func onlyAUniqueKeyClashIsTakenForSomeoneElsesChange() async throws {
        try await withShabaka(demo: true) { app in
            let project = try #require(try await Project.query(on: app.db).filter(\.$state == .inProgress).first())

            // act: the same period twice (what two reports sent at the same instant would do), then a missing value
            func report() -> ProjectReport {
                let report = ProjectReport()
                report.projectID = project.id!
                report.period = "2026-05"
                report.narrative = "x"
                report.milestones = ""
                report.jobsCreated = 0
                report.jobsCreatedBreakdown = [:]
                report.jobsSustained = 0
                report.jobsSustainedBreakdown = [:]
                report.beneficiaries = 0
                report.revenueMinor = 0
                report.volunteers = 0
                report.authorName = "x"
                report.filedAt = Date()
                return report
            }
            try await report().create(on: app.db)
            var clash: (any Error)?
            do { try await report().create(on: app.db) } catch { clash = error }
            var broken: (any Error)?
            do {
                try await (app.db as! any SQLDatabase).raw("INSERT INTO project_reports (id) VALUES (\(bind: UUID()))").run()
            } catch { broken = error }

            // assert
            #expect(app.isUniqueViolation(try #require(clash)))
            #expect(!app.isUniqueViolation(try #require(broken)))
        }
    }
}
