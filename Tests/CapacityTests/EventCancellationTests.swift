import Capacity
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Calling an event off: only its organiser, only before it starts, with a reason; everyone registered or waiting
/// (and whoever registered them) is told with that reason, on the site or by mail; registering again is refused by
/// name; the page, the list and the calendar feed say it is called off; on the page, a question first.
@Suite("Events: calling an event off")
struct EventCancellationTests {
    typealias W = CapacityWorld

    struct Called: Decodable {
        let cancelled_at: String?
        let cancellation_reason: String?
    }

    @Test func theOrganiserCallsAnEventOffAndEveryoneRegisteredOrWaitingIsTold() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app)
            let id = try await world.event(capacity: 2, title: "تكوين ملغى في المحاسبة")
            let path = "/api/v1/events/\(id)"
            for index in 0..<3 { #expect(try await world.api(.POST, path + "/registrations", as: W.citizen(index)).status == .created) }
            let organization = try await world.organization("tadamoun-batna")
            #expect(try await world.api(.POST, path + "/registrations", as: W.representative, json: """
                {"organization_id": "\(organization)", "name": "سعاد بلقاسم", "email": "souad@example.org"}
                """).status == .created)
            let mailsBefore = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "souad@example.org").count()

            // a registered person may not call it off; the organiser must give a reason
            let stranger = try await world.api(.POST, path + "/cancellation", as: W.citizen(0), json: #"{"reason": "x"}"#)
            #expect(try stranger.status == .forbidden && stranger.decoded(TestProblem.self).code == "event.not_the_organizer")
            let noReason = try await world.api(.POST, path + "/cancellation", as: W.coordinator, json: #"{"reason": "  "}"#)
            #expect(try noReason.status == .unprocessableEntity
                && noReason.decoded(TestProblem.self).errors.map(\.field) == ["reason"])
            #expect(try await world.api(.GET, path, as: nil).decoded(Called.self).cancelled_at == nil)

            let reason = "تعذّر حضور المكوّن، وسيُعلن عن موعد جديد"
            let called = try await world.api(.POST, path + "/cancellation", as: W.coordinator,
                                             json: #"{"reason": "\#(reason)"}"#)
            #expect(called.status == .ok)
            let event = try called.decoded(Called.self)
            #expect(event.cancelled_at != nil && event.cancellation_reason == reason)

            // the three with accounts are told on the site, with the reason; the person without one by mail
            let told = try await UserNotification.query(on: app.db).filter(\.$messageKey == "capacity.notice.event_cancelled").all()
            var people = Set<UUID>()
            for email in (0..<3).map(W.citizen) + [W.representative] {
                let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
                people.insert(try user.requireID())
            }
            #expect(Set(told.map(\.$user.id)) == people)
            #expect(told.allSatisfy { $0.arguments.contains(reason) })
            let mails = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "souad@example.org").sort(\.$createdAt).all()
            #expect(mails.count == mailsBefore + 1 && (mails.last?.body.contains(reason) ?? false))

            // from now on: no registration, no second call, no change
            let late = try await world.api(.POST, path + "/registrations", as: W.citizen(3))
            #expect(try late.status == .conflict && late.decoded(TestProblem.self).code == "event.cancelled")
            let again = try await world.api(.POST, path + "/cancellation", as: W.coordinator, json: #"{"reason": "x"}"#)
            #expect(try again.status == .conflict && again.decoded(TestProblem.self).code == "event.cancelled")

            // the calendar feed marks it cancelled with the reason; the list and the page say so
            let feed = try await world.api(.GET, "/ar/events.ics", as: nil, language: "ar").body.string
            let block = try #require(feed.components(separatedBy: "BEGIN:VEVENT").first { $0.contains(id.lowercased()) })
            #expect(block.contains("STATUS:CANCELLED"))
            let page = try await world.api(.GET, "/ar/events/\(id)", as: nil, language: "ar").body.string
            #expect(page.contains(#"id="called-off""#) && page.contains(reason) && !page.contains("/register\""))
            let list = try await world.api(.GET, "/fr/events", as: nil, language: "fr").body.string
            #expect(list.contains("Annulé"))
        }
    }

    @Test func onThePageTheOrganiserIsAskedFirstThenGivesTheReason() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await W.make(app)
            let id = try await world.event(capacity: 5)
            #expect(try await world.api(.POST, "/api/v1/events/\(id)/registrations", as: W.citizen(0)).status == .created)
            let staff = Browser(app)
            try await signIn(staff, email: W.coordinator)
            let page = try await staff.get("/fr/events/\(id)")
            #expect(page.body.string.contains("/fr/events/\(id)/cancel"))
            let asked = try await staff.post("/fr/events/\(id)/cancel", form: [:])
            #expect(asked.status == .ok && asked.body.string.contains(#"name="reason""#))
            #expect(asked.body.string.contains("1 personne inscrite ou en attente sera prévenue"))
            let empty = try await staff.post("/fr/events/\(id)/cancel", form: ["confirmed": "yes", "reason": ""])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains(#"id="confirm-reason-error""#))
            #expect(try await world.api(.GET, "/api/v1/events/\(id)", as: nil).decoded(Called.self).cancelled_at == nil)
            let done = try await staff.post("/fr/events/\(id)/cancel", form: ["confirmed": "yes", "reason": "Salle indisponible"])
            #expect(done.status == .seeOther && (done.headers.first(name: .location) ?? "").contains("done=called_off"))
            let after = try await staff.get("/fr/events/\(id)?done=called_off")
            #expect(after.body.string.contains("Salle indisponible") && !after.body.string.contains("/fr/events/\(id)/cancel\""))
            // a second event that has started is not called off: the page says why, without a question
            let started = try await world.event(capacity: 5, days: 1)
            clock.advance(by: 2 * 86_400)
            try await signIn(staff, email: W.coordinator)    // two days idle ended the session
            _ = try await staff.get("/fr/events/\(started)")
            let refused = try await staff.post("/fr/events/\(started)/cancel", form: [:])
            #expect(refused.status == .conflict && !refused.body.string.contains(#"name="reason""#))
            #expect(refused.body.string.contains("commencé"))
        }
    }
}
