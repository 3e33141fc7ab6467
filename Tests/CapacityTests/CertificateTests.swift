import Capacity
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Attendance checked in per session, certificates for those present at every session after the end, and the
/// verification by anyone: genuine with who, what and when; a forged code is not found.
@Suite("Events: attendance, certificates, verification, calendar")
struct CertificateTests {
    typealias W = CapacityWorld

    @Test func attendanceOnBothDaysGivesACertificateThatTheVerificationPageSaysIsGenuine() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock) { app in
            let world = try await W.make(app)
            let id = try await world.event(capacity: 5, days: 3, length: 2, title: "تكوين المكوّنين في الاقتصاد التضامني")
            let path = "/api/v1/events/\(id)"
            var registrations: [TestRegistration] = []
            for index in 0..<3 {
                registrations.append(try await world.api(.POST, path + "/registrations", as: W.citizen(index))
                    .decoded(TestRegistration.self))
            }
            let ids = registrations.map(\.id)
            // before the event nothing is checked in; only the organiser checks in
            let early = try await world.api(.POST, path + "/attendance", as: W.coordinator,
                                            json: #"{"session": 1, "registration_ids": ["\#(ids[0])"]}"#)
            #expect(try early.decoded(TestProblem.self).code == "event.not_started")
            clock.advance(by: 3 * 86_400 + 3_600)
            #expect(try await world.api(.POST, path + "/attendance", as: W.citizen(0),
                                        json: #"{"session": 1, "registration_ids": []}"#).status == .forbidden)
            let wrongDay = try await world.api(.POST, path + "/attendance", as: W.coordinator,
                                               json: #"{"session": 3, "registration_ids": []}"#)
            #expect(wrongDay.status == .unprocessableEntity && wrongDay.body.string.contains("\"session\""))
            // day 1: all three; day 2: two of them
            #expect(try await world.api(.POST, path + "/attendance", as: W.coordinator, json: """
                {"session": 1, "registration_ids": ["\(ids[0])", "\(ids[1])", "\(ids[2])"]}
                """).status == .ok)
            #expect(try await world.api(.POST, path + "/attendance", as: W.coordinator, json: """
                {"session": 2, "registration_ids": ["\(ids[0])", "\(ids[2])"]}
                """).status == .ok)
            let tooSoon = try await world.api(.POST, path + "/certificates", as: W.coordinator)
            #expect(try tooSoon.decoded(TestProblem.self).code == "event.not_ended")
            clock.advance(by: 2 * 86_400)
            let issued = try await world.api(.POST, path + "/certificates", as: W.coordinator)
            #expect(issued.status == .created && issued.body.string.contains("\"issued\":2"))
            // issuing again gives nothing twice
            #expect(try await world.api(.POST, path + "/certificates", as: W.coordinator).body.string.contains("\"issued\":0"))

            let mine = try await world.api(.GET, path + "/registrations", as: W.citizen(0)).decoded([TestRegistration].self)
            let code = try #require(mine.first?.certificate_code)
            let absent = try await world.api(.GET, path + "/registrations", as: W.citizen(1)).decoded([TestRegistration].self)
            #expect(absent.first?.certificate_code == nil)

            // the API and the page say it is genuine, for whom, for what, when
            struct Verified: Decodable { let genuine: Bool; let holder_name: String; let sessions: Int; let event_id: String }
            let verified = try await world.api(.GET, "/api/v1/certificates/\(code)", as: nil).decoded(Verified.self)
            #expect(verified.genuine && verified.holder_name == "مواطن 0" && verified.sessions == 2)
            let page = try await world.api(.GET, "/ar/certificates/\(code)", as: nil, language: "ar")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("مواطن 0") && page.body.string.contains("تكوين المكوّنين في الاقتصاد التضامني"))
            // typed in lower case with spaces, the code still finds it
            let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
            let checked = try await world.api(.GET, "/fr/certificates?code=\(typed.replacingOccurrences(of: " ", with: "+"))",
                                              as: nil, language: "fr")
            #expect(checked.status == .seeOther && checked.headers.first(name: .location) == "/fr/certificates/\(code)")

            // a forged code is not found, by the API and on the page
            let forged = "ABCD-EFGH-JKLM"
            let api = try await world.api(.GET, "/api/v1/certificates/\(forged)", as: nil)
            #expect(try api.status == .notFound && api.decoded(TestProblem.self).code == "certificate.not_found")
            #expect(try await world.api(.GET, "/ar/certificates/\(forged)", as: nil, language: "ar").status == .notFound)
            let form = try await world.api(.GET, "/ar/certificates?code=\(forged)", as: nil, language: "ar")
            #expect(form.status == .notFound && form.body.string.contains("certificate-missing"))
        }
    }

    @Test func theCalendarFeedCarriesPublicEventsWithTheirArabicTitlesFoldedAt75Bytes() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app)
            let title = "دورة تكوينية طويلة العنوان في تسيير الجمعيات والاقتصاد الاجتماعي والتضامني، بباتنة؛ الجزء الأول"
            _ = try await world.event(capacity: 30, title: title)
            _ = try await world.event(capacity: 30, audience: "members", title: "لقاء الأعضاء فقط")
            let feed = try await world.api(.GET, "/ar/events.ics", as: nil, language: "ar")
            #expect(feed.status == .ok && feed.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            let text = feed.body.string
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines.allSatisfy { $0.utf8.count <= 75 })
            let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
            #expect(unfolded.contains("SUMMARY:" + title))
            #expect(!unfolded.contains("لقاء الأعضاء فقط"))
            #expect(unfolded.contains("BEGIN:VCALENDAR") && unfolded.hasSuffix("END:VCALENDAR\r\n"))
            // one wilaya's feed
            let elsewhere = try await world.api(.GET, "/ar/events.ics?wilaya=16", as: nil, language: "ar").body.string
            #expect(!elsewhere.contains(String(title.prefix(10))))
        }
    }
}
