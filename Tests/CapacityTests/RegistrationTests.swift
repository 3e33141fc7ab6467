import Capacity
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Registering for an event: places, then the waiting list in order; a cancellation promotes the first waiting
/// person, who is told; concurrent registrations never take more places than there are.
@Suite("Events: registration, waiting list, promotion")
struct RegistrationTests {
    typealias W = CapacityWorld

    @Test func fourRegistrationsForTwoPlacesThenACancellationPromotesTheFirstWaiting() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app)
            let id = try await world.event(capacity: 2)
            let path = "/api/v1/events/\(id)/registrations"

            var made: [TestRegistration] = []
            for index in 0..<3 {
                let response = try await world.api(.POST, path, as: W.citizen(index))
                #expect(response.status == .created, "\(response.body.string)")
                made.append(try response.decoded(TestRegistration.self))
            }
            // the association registers one of its people who has no account
            let organization = try await world.organization("tadamoun-batna")
            let other = try await world.api(.POST, path, as: W.representative, json: """
                {"organization_id": "\(organization)", "name": "سعاد بلقاسم", "email": "souad@example.org"}
                """)
            made.append(try other.decoded(TestRegistration.self))
            #expect(made.map(\.status) == ["registered", "registered", "waitlisted", "waitlisted"])
            #expect(made.map(\.position) == [nil, nil, 1, 2])
            // the same person twice, and a field left out, are refused on their fields
            let twice = try await world.api(.POST, path, as: W.citizen(0))
            #expect(try twice.status == .conflict && twice.decoded(TestProblem.self).code == "event.already_registered")
            let noName = try await world.api(.POST, path, as: W.representative, json: """
                {"organization_id": "\(organization)", "email": "x@example.org"}
                """)
            #expect(noName.status == .unprocessableEntity && noName.body.string.contains("\"name\""))
            // someone else's registration cannot be cancelled by a stranger
            let stranger = try await world.api(.DELETE, path + "/\(made[0].id)", as: W.citizen(3))
            #expect(stranger.status == .forbidden)

            // a registered person cancels: the first waiting one is promoted and told
            let cancelled = try await world.api(.DELETE, path + "/\(made[1].id)", as: W.citizen(1))
            #expect(cancelled.status == .ok)
            let event = try await world.api(.GET, "/api/v1/events/\(id)", as: nil).decoded(TestEvent.self)
            #expect(event.registered == 2 && event.waitlisted == 1)
            let third = try await world.api(.GET, path, as: W.citizen(2)).decoded([TestRegistration].self)
            #expect(third.map(\.status) == ["registered"])
            let promotedUser = try #require(try await User.query(on: app.db).filter(\.$email == W.citizen(2)).first())
            let notices = try await UserNotification.query(on: app.db).filter(\.$user.$id == promotedUser.requireID()).all()
            #expect(notices.map(\.messageKey).contains("capacity.notice.promoted"))
            #expect(notices.map(\.messageKey).contains("capacity.notice.waitlisted"))
            // the person without an account still waits, first now, and was told by mail when registered
            let fourth = try await world.api(.GET, path, as: W.representative).decoded([TestRegistration].self)
            #expect(fourth.map(\.position) == [1])
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "souad@example.org").count() == 1)

            // the next cancellation promotes her: told by mail, and the association's representative on the site
            #expect(try await world.api(.DELETE, path + "/\(made[0].id)", as: W.coordinator).status == .ok)
            let after = try await world.api(.GET, path, as: W.coordinator).decoded([TestRegistration].self)
            #expect(after.map(\.name) == ["مواطن 2", "سعاد بلقاسم"] && after.allSatisfy { $0.status == "registered" })
            let mails = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "souad@example.org").all()
            #expect(mails.count == 2)
            let rep = try #require(try await User.query(on: app.db).filter(\.$email == W.representative).first())
            #expect(try await UserNotification.query(on: app.db).filter(\.$user.$id == rep.requireID())
                .filter(\.$messageKey == "capacity.notice.promoted").count() == 1)
        }
    }

    @Test func fiftySimultaneousRegistrationsForTenPlacesLeaveExactlyTenRegistered() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026),
                              adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let world = try await W.make(app, citizens: 50)
            let id = try await world.event(capacity: 10)
            for index in 0..<50 { _ = try await world.client.token(W.citizen(index)) }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<50 {
                    group.addTask { try await world.api(.POST, "/api/v1/events/\(id)/registrations", as: W.citizen(index)).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.count == 50)
            #expect(statuses.filter { $0 != .created }.isEmpty, "answers other than 201: \(statuses.filter { $0 != .created })")
            let rows = try await EventRegistration.query(on: app.db).filter(\.$eventID == UUID(uuidString: id)!).all()
            #expect(rows.filter { $0.status == .registered }.count == 10)
            #expect(rows.filter { $0.status == .waitlisted }.count == 40)
            #expect(Set(rows.map(\.sequence)) == Set(1...50))
            let event = try await world.api(.GET, "/api/v1/events/\(id)", as: nil).decoded(TestEvent.self)
            #expect(event.registered == 10 && event.waitlisted == 40)
        }
    }

    @Test func anEventForAssociationsRefusesACitizenAndAClosedRegistrationRefusesEveryone() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await W.make(app)
            let id = try await world.event(capacity: 5, audience: "associations", days: 2)
            let path = "/api/v1/events/\(id)/registrations"
            let citizen = try await world.api(.POST, path, as: W.citizen(0))
            #expect(try citizen.status == .forbidden && citizen.decoded(TestProblem.self).code == "event.not_in_audience")
            #expect(try await world.api(.POST, path, as: W.representative).status == .created)
            // after the start nobody registers and nobody cancels
            clock.advance(by: 3 * 86_400)
            let late = try await world.api(.POST, path, as: W.coordinator)
            #expect(try late.decoded(TestProblem.self).code == "event.registration_closed")
            let mine = try await world.api(.GET, path, as: W.representative).decoded([TestRegistration].self)
            let cancel = try await world.api(.DELETE, path + "/\(mine[0].id)", as: W.representative)
            #expect(try cancel.decoded(TestProblem.self).code == "event.started")
        }
    }
}
