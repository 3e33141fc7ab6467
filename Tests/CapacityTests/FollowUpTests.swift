import Agreements
import Capacity
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// After registration: the reminder the day before (by the command), feedback once the event has begun, and the
/// strategy's "associations trained" measured from attendance.
@Suite("Events: reminders, feedback, the strategy's indicator")
struct FollowUpTests {
    typealias W = CapacityWorld

    @Test func theDayBeforeTheCommandRemindsEachPersonOnceThenFeedbackIsGivenAndSummed() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await W.make(app)
            let id = try await world.event(capacity: 5, days: 2)
            let path = "/api/v1/events/\(id)"
            for index in 0..<2 { _ = try await world.api(.POST, path + "/registrations", as: W.citizen(index)) }
            let early = await runCommand(app, ["capacity", "remind"])
            #expect(early.output.contains("sent 0 reminders"))
            clock.advance(by: 86_400 + 3_600)
            let due = await runCommand(app, ["capacity", "remind"])
            #expect(due.error == nil && due.output.contains("sent 2 reminders"), "\(due.output)")
            #expect(await runCommand(app, ["capacity", "remind"]).output.contains("sent 0 reminders"))
            let notices = try await UserNotification.query(on: app.db).filter(\.$messageKey == "capacity.notice.reminder").count()
            #expect(notices == 2)

            // feedback: not before the start; then each participant once (a second answer replaces the first)
            let before = try await world.api(.POST, path + "/feedback", as: W.citizen(0), json: #"{"rating": 5}"#)
            #expect(try before.decoded(TestProblem.self).code == "event.not_started")
            clock.advance(by: 86_400)
            #expect(try await world.api(.POST, path + "/feedback", as: W.citizen(0),
                                        json: #"{"rating": 9}"#).status == .unprocessableEntity)
            #expect(try await world.api(.POST, path + "/feedback", as: W.citizen(0),
                                        json: #"{"rating": 2, "useful": false}"#).status == .created)
            #expect(try await world.api(.POST, path + "/feedback", as: W.citizen(0),
                                        json: #"{"rating": 4, "useful": true, "comment": "مفيد جدا"}"#).status == .created)
            #expect(try await world.api(.POST, path + "/feedback", as: W.citizen(1), json: #"{"rating": 5}"#).status == .created)
            #expect(try await world.api(.POST, path + "/feedback", as: W.citizen(3), json: #"{"rating": 5}"#).status == .conflict)
            struct Summary: Decodable { let answers: Int; let average_rating: Double; let useful: Int; let comments: [String] }
            #expect(try await world.api(.GET, path + "/feedback", as: W.citizen(0)).status == .forbidden)
            let summary = try await world.api(.GET, path + "/feedback", as: W.coordinator).decoded(Summary.self)
            #expect(summary.answers == 2 && summary.average_rating == 4.5 && summary.useful == 1 && summary.comments == ["مفيد جدا"])
        }
    }

    @Test func associationsTrainedAreMeasuredFromAttendanceForTheStrategy() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await W.make(app)
            try await makeUser(app, email: "admin@example.org", roles: [.admin])
            let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-01").first())
            let feedPath = "/api/v1/indicators/\(indicator.id!)/capacity-feed"
            #expect(try await world.api(.PUT, feedPath, as: W.representative,
                                        json: #"{"metric": "associations_trained"}"#).status == .forbidden)
            let wrong = try await world.api(.PUT, feedPath, as: "admin@example.org", json: #"{"metric": "trees"}"#)
            #expect(try wrong.decoded(TestProblem.self).errors.map(\.field) == ["metric"])
            #expect(try await world.api(.PUT, feedPath, as: "admin@example.org",
                                        json: #"{"metric": "associations_trained"}"#).status == .ok)
            func measured() async throws -> Agreements.Measurement? {
                try await Agreements.Measurement.query(on: app.db).filter(\.$indicatorID == indicator.id!).filter(\.$period == "2026").first()
            }
            // the demo's January training: five people of three associations present both days, all in Batna
            let first = try #require(try await measured())
            #expect(first.value == 3 && first.breakdown["wilaya"] == ["05": 3])
            #expect(first.source == MeasurementService.computedFromAttendance)

            // a new training: someone of an association not yet trained this year is present, and a citizen who
            // came on their own (from no association)
            let id = try await world.event(capacity: 5, days: 2)
            let atlas = try await world.organization("atlas-crafts-tlemcen")
            let craftsman = try await world.api(.POST, "/api/v1/events/\(id)/registrations", as: W.coordinator, json: """
                {"organization_id": "\(atlas)", "name": "حرفي من تلمسان", "email": "artisan@example.org"}
                """).decoded(TestRegistration.self)
            let citizen = try await world.api(.POST, "/api/v1/events/\(id)/registrations", as: W.citizen(0))
                .decoded(TestRegistration.self)
            clock.advance(by: 2 * 86_400 + 3_600)
            #expect(try await world.api(.POST, "/api/v1/events/\(id)/attendance", as: W.coordinator, json: """
                {"session": 1, "registration_ids": ["\(craftsman.id)", "\(citizen.id)"]}
                """).status == .ok)
            let second = try #require(try await measured())
            #expect(second.value == 4 && second.breakdown["wilaya"] == ["05": 4])
            // unticked again: the count follows the sheet
            _ = try await world.api(.POST, "/api/v1/events/\(id)/attendance", as: W.coordinator,
                                    json: #"{"session": 1, "registration_ids": ["\#(citizen.id)"]}"#)
            #expect(try await measured()?.value == 3)
            let page = try await world.api(.GET, "/en/strategies", as: nil)
            #expect(page.status == .ok)
        }
    }
}
