import Agreements
import Directory
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("An agreement's page: a form per step of each commitment")
struct CommitmentStepFormsTests {
    @Test func anEmptyReasonOnOneCommitmentMarksOnlyThatCommitmentsForm() async throws {
        try await withShabaka(demo: true, clock: ManualClock(midYear2026)) { app in
            // setup: staff see a form per step of every commitment, each box with an id of its own
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let staff = Browser(app)
            try await signIn(staff, email: "coordinator@example.org")
            let path = "/en/agreements/\(AgreementsDemo.agreementSlug)"
            let page = FormPage(try await staff.get(path).body.string)
            let open = try await Commitment.query(on: app.db).filter(\.$state ~~ [.planned, .inProgress]).all()
            let target = try #require(open.first)
            let others = open.dropFirst().compactMap(\.id)
            let box = "commitment-\(target.id!)-mark_late-reason"
            let steps = try await WorkflowStep.query(on: app.db).count()

            // act: "mark late" without the reason it needs, on one commitment
            let refused = try await staff.post(path + "/commitments/\(target.id!)/transitions",
                                               form: ["action": "mark_late", "reason": ""])

            // assert: the page had a box per commitment; now only the sent one is marked, and the summary links to it
            #expect(page.hasID(box) && !others.isEmpty)
            #expect(others.allSatisfy { page.hasID("commitment-\($0)-mark_late-reason") })
            #expect(refused.status == .unprocessableEntity)
            let shown = FormPage(refused.body.string)
            #expect(shown.summaries.count == 1)
            #expect(shown.invalidFields == [box])
            #expect(shown.summaryLinks == [box] && shown.brokenSummaryLinks.isEmpty)
            #expect(try await WorkflowStep.query(on: app.db).count() == steps)
            #expect(try await Commitment.find(target.id, on: app.db)?.state == target.state)
        }
    }

    @Test func droppingACommitmentIsConfirmedFirst() async throws {
        try await withShabaka(demo: true, clock: ManualClock(midYear2026)) { app in
            // setup
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let staff = Browser(app)
            try await signIn(staff, email: "coordinator@example.org")
            let path = "/fr/agreements/\(AgreementsDemo.agreementSlug)"
            _ = try await staff.get(path)
            let target = try #require(try await Commitment.query(on: app.db).filter(\.$state == .planned).first())
            let url = path + "/commitments/\(target.id!)/transitions"

            // act
            let asked = try await staff.post(url, form: ["action": "drop"])
            let stateAsked = try await Commitment.find(target.id, on: app.db)?.state
            let dropped = try await staff.post(url, form: ["action": "drop", "confirmed": "yes", "reason": "Hors champ"])

            // assert
            #expect(asked.status == .ok && stateAsked == .planned)
            #expect(asked.body.string.contains(#"<form method="post" action="\#(url)""#))
            #expect(asked.body.string.contains(#"<input type="hidden" name="confirmed" value="yes">"#))
            #expect(asked.body.string.contains("Oui, abandonner</button>"))
            #expect(asked.body.string.contains(#"<a href="\#(path)#commitments">"#))
            #expect(dropped.status == .seeOther)
            #expect(try await Commitment.find(target.id, on: app.db)?.state == .dropped)
        }
    }
}
