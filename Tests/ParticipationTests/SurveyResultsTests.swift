import Directory
import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Two hundred people answer one survey, through their accounts, the anonymous link and coordinators; the
/// published results are the counts the test computes from what each person sent and what their profile said that
/// day, and they do not move when profiles change or an account is erased afterwards.
@Suite("Survey results: 200 people, counted as captured, small counts withheld")
struct SurveyResultsTests {
    /// What one person does: how they answer and what is known of them.
    struct Plan {
        enum Channel: String { case account, link, assisted }

        let index: Int
        let channel: Channel
        let profileWilaya: String?
        let profileSex: PersonSex?
        let givenWilaya: String?
        let givenSex: String?
        let choice: Int
        let ticks: [Int]
        let scale: Int
        let text: String?

        var email: String { "person\(index)@example.org" }

        /// The wilaya and sex the response must carry: what the person gave, else (for an account) their profile.
        var wilaya: String {
            (channel == .account ? givenWilaya ?? profileWilaya : givenWilaya) ?? SurveyBreakdown.notStated
        }

        var sex: String {
            (channel == .account ? givenSex ?? profileSex?.rawValue : givenSex) ?? SurveyBreakdown.notStated
        }

        static let wilayas: [String?] = ["16", "16", "16", "16", "31", "31", "31", "05", "05", "47", "01", nil]

        static func make(_ index: Int) -> Plan {
            let channel: Channel = index < 150 ? .account : (index < 175 ? .link : .assisted)
            let wilaya = wilayas[index % wilayas.count]
            let sex: PersonSex? = index % 13 == 0 ? nil : (index % 2 == 0 ? .f : .m)
            var givenWilaya: String?
            var givenSex: String?
            switch channel {
            case .account:
                givenWilaya = index % 7 == 0 ? "31" : nil
                givenSex = index % 17 == 0 ? "f" : nil
            case .link:
                givenWilaya = index % 2 == 0 ? wilaya : nil
                givenSex = index % 3 == 0 ? nil : sex?.rawValue
            case .assisted:
                givenWilaya = wilaya ?? "16"
                givenSex = index % 2 == 0 ? "f" : "m"
            }
            return Plan(index: index, channel: channel, profileWilaya: wilaya, profileSex: sex, givenWilaya: givenWilaya,
                        givenSex: givenSex, choice: (index / 2) % 3,
                        ticks: [0, 1, 2, 3].filter { (index + $0) % 4 == 0 || (index + $0) % 5 == 0 },
                        scale: 1 + (index * 3) % 5, text: index % 10 == 0 ? "Idea number \(index)" : nil)
        }

        func body(_ survey: TestSurvey) -> String {
            var answers: [String: Any] = [survey.question(1): choice, survey.question(3): scale]
            if !ticks.isEmpty { answers[survey.question(2)] = ticks }
            if let text { answers[survey.question(4)] = text }
            var body: [String: Any] = ["answers": answers]
            if channel == .assisted {
                body["document_kind"] = "national_id"
                body["document_number"] = "1098\(70_000 + index)"
                body["age_group"] = "35_49"
            }
            if let givenWilaya { body["wilaya_code"] = givenWilaya }
            if let givenSex { body["sex"] = givenSex }
            return SurveyWorld.json(body)
        }
    }

    /// Counts per slot (option or value) and group.
    typealias Table = [Int: [String: Int]]

    struct Expected {
        var totals: [Int: [Int: Int]] = [:]
        var byWilaya: [Int: Table] = [:]
        var bySex: [Int: Table] = [:]
        var answered: [Int: Int] = [:]
        var texts: [String] = []
        var scaleSum = 0

        mutating func add(_ plan: Plan) {
            var slots: [(Int, Int)] = [(1, plan.choice), (3, plan.scale)] + plan.ticks.map { (2, $0) }
            slots.sort { $0 < $1 }
            for (question, slot) in slots {
                totals[question, default: [:]][slot, default: 0] += 1
                byWilaya[question, default: [:]][slot, default: [:]][plan.wilaya, default: 0] += 1
                bySex[question, default: [:]][slot, default: [:]][plan.sex, default: 0] += 1
            }
            answered[1, default: 0] += 1
            answered[3, default: 0] += 1
            if !plan.ticks.isEmpty { answered[2, default: 0] += 1 }
            if let text = plan.text {
                answered[4, default: 0] += 1
                texts.append(text)
            }
            scaleSum += plan.scale
        }
    }

    static func results(_ world: SurveyWorld, _ survey: TestSurvey, as email: String?) async throws -> TestResults {
        let response = try await world.api(.GET, "/api/v1/surveys/\(survey.id)/results?size=100", as: email)
        #expect(response.status == .ok, "\(response.body.string.prefix(300))")
        return try TestResults.decode(Data(buffer: response.body))
    }

    /// Every published cell is the test's count, or withheld: all under ten, and enough others that the withheld
    /// ones can be neither read off the total nor summed to a small count. Returns (shown, withheld) cells.
    @discardableResult
    static func check(_ breakdown: TestResults.Breakdown?, against expected: Table, dimension: String) -> (Int, Int) {
        guard let breakdown else {
            Issue.record("no breakdown by \(dimension)")
            return (0, 0)
        }
        #expect(breakdown.dimension == dimension)
        let groups = Set(expected.values.flatMap(\.keys))
        #expect(Set(breakdown.groups) == groups, "\(dimension) groups")
        var shown = 0, withheld = 0
        for row in breakdown.rows {
            let counts = expected[row.index ?? row.value ?? -1] ?? [:]
            #expect(row.total == counts.values.reduce(0, +))
            #expect(row.cells.map(\.group) == breakdown.groups)
            for cell in row.cells {
                let count = counts[cell.group] ?? 0
                if cell.suppressed {
                    withheld += 1
                    #expect(cell.count == nil)
                } else {
                    shown += 1
                    #expect(cell.count == count, "\(dimension) \(cell.group)")
                    #expect(count >= SurveySuppression.threshold)
                }
                if count < SurveySuppression.threshold { #expect(cell.suppressed, "\(dimension) \(cell.group): \(count)") }
            }
            let hidden = row.cells.filter(\.suppressed)
            let residual = hidden.reduce(0) { $0 + (counts[$1.group] ?? 0) }
            #expect(hidden.isEmpty || hidden.count == row.cells.count
                    || (hidden.count >= 2 && residual >= SurveySuppression.threshold), "\(dimension) row \(row)")
        }
        return (shown, withheld)
    }

    @Test func twoHundredPeopleAreCountedAsTheyWereWhenTheyAnsweredAndNothingLaterMovesTheResults() async throws {
        let clock = ManualClock(surveyDay)
        try await withShabaka(clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            // setup
            let world = try await SurveyWorld.make(app)
            let plans = (0..<200).map(Plan.make)
            for plan in plans where plan.channel == .account {
                try await world.person(plan.email, wilaya: plan.profileWilaya, sex: plan.profileSex)
            }
            let survey = try await world.survey()
            let token = try #require(survey.linkToken)
            var expected = Expected()

            // act: everyone answers, a second apart
            for plan in plans {
                clock.advance(by: 1)
                let path = "/api/v1/surveys/\(survey.id)/answers"
                let response: TestingHTTPResponse
                switch plan.channel {
                case .account:
                    response = try await world.api(.POST, path, as: plan.email, json: plan.body(survey))
                case .link:
                    response = try await world.api(.POST, path + "?token=\(token)", as: nil, json: plan.body(survey))
                case .assisted:
                    response = try await world.api(.POST, path + "/assisted", as: SurveyWorld.coordinator,
                                                   json: plan.body(survey))
                }
                #expect(response.status == .created, "\(plan.index): \(response.body.string.prefix(300))")
                expected.add(plan)
            }
            let hiddenFromPublic = try await world.api(.GET, "/api/v1/surveys/\(survey.id)/results", as: nil)
            let hiddenFromCitizen = try await world.api(.GET, "/api/v1/surveys/\(survey.id)/results", as: SurveyWorld.citizen)
            let organiserView = try await Self.results(world, survey, as: SurveyWorld.coordinator)
            let closed = try await world.api(.POST, "/api/v1/surveys/\(survey.id)/transitions", as: SurveyWorld.coordinator,
                                             json: #"{"action": "close"}"#)
            let published = try await Self.results(world, survey, as: nil)

            // assert: hidden until the close (at_close), then everyone reads what the organiser read
            #expect(hiddenFromPublic.status == .forbidden)
            #expect(try hiddenFromPublic.decoded(TestProblem.self).code == "survey.results_at_close")
            #expect(hiddenFromCitizen.status == .forbidden)
            #expect(closed.status == .ok)
            #expect(published.state == "closed")
            #expect(organiserView.questions == published.questions)
            #expect(published.respondents == 200)
            #expect(published.channels == ["account": 150, "link": 25, "assisted": 25])
            #expect(published.suppressionThreshold == 10)
            var shown = 0, withheld = 0
            for position in [1, 2, 3] {
                let question = try #require(published.question(position))
                #expect(question.answered == expected.answered[position])
                let totals = expected.totals[position] ?? [:]
                for option in question.options ?? [] {
                    let slot = option.index ?? option.value ?? -1
                    #expect(option.count == totals[slot] ?? 0, "question \(position) slot \(slot)")
                    let share = Double(option.count) * 100 / Double(question.answered)
                    #expect(abs(option.percent - share) <= 0.05)
                }
                #expect((question.options ?? []).count == (position == 3 ? 5 : (position == 1 ? 3 : 4)))
                let wilaya = Self.check(question.breakdowns?.first { $0.dimension == "wilaya" },
                                        against: expected.byWilaya[position] ?? [:], dimension: "wilaya")
                let sex = Self.check(question.breakdowns?.first { $0.dimension == "sex" },
                                     against: expected.bySex[position] ?? [:], dimension: "sex")
                shown += wilaya.0 + sex.0
                withheld += wilaya.1 + sex.1
            }
            // the distribution has both kinds of cells, so both checks above were exercised
            #expect(shown > 20 && withheld > 20, "shown \(shown), withheld \(withheld)")
            let scale = try #require(published.question(3))
            #expect(scale.mean == (Double(expected.scaleSum) * 100 / 200).rounded() / 100)
            let texts = try #require(published.question(4)?.texts)
            #expect(texts.items.map(\.text) == expected.texts)
            #expect(texts.page.total == expected.texts.count)

            // act: ten people move and change their sex in their profile, one erases their account
            for plan in plans.prefix(10) {
                let moved = try await world.api(.PUT, "/api/v1/people/me", as: plan.email, json: SurveyWorld.json([
                    "display_name": "Moved", "kind": "member", "wilaya_code": "11",
                    "sex": plan.profileSex == .f ? "m" : "f",
                ]))
                #expect(moved.status == .ok)
            }
            let profile = try await world.api(.GET, "/api/v1/people/me", as: plans[3].email)
            let erased = try await world.api(.DELETE, "/api/v1/me", as: plans[1].email)
            let after = try await Self.results(world, survey, as: nil)

            // assert: the profiles did change, the results did not
            #expect(profile.body.string.contains(#""wilaya_code":"11""#))
            #expect(erased.status == .noContent)
            #expect(after == published)
            #expect(try await SurveyResponse.query(on: app.db).count() == 200)
        }
    }

    @Test func liveResultsShowWhileTheSurveyIsOpenAndAtCloseResultsOnlyOnceItIsOver() async throws {
        let clock = ManualClock(surveyDay)
        try await withShabaka(clock: clock) { app in
            // setup
            let world = try await SurveyWorld.make(app)
            let live = try await world.survey(visibility: "live", title: "Live survey")
            let atClose = try await world.survey(visibility: "at_close", closesOn: "2026-03-20", title: "Survey closing later")
            for survey in [live, atClose] {
                let answer = SurveyWorld.json(["answers": [survey.question(1): 2, survey.question(3): 4]])
                let sent = try await world.api(.POST, "/api/v1/surveys/\(survey.id)/answers", as: SurveyWorld.citizen,
                                               json: answer)
                #expect(sent.status == .created)
            }

            // act
            let liveNow = try await world.api(.GET, "/api/v1/surveys/\(live.id)/results", as: nil)
            let atCloseNow = try await world.api(.GET, "/api/v1/surveys/\(atClose.id)/results", as: nil)
            let atCloseDetail = try await world.api(.GET, "/api/v1/surveys/\(atClose.id)", as: nil)
            clock.advance(by: 11 * 86_400)
            let atClosePastItsLastDay = try await world.api(.GET, "/api/v1/surveys/\(atClose.id)/results", as: nil)
            let lateAnswer = try await world.api(.POST, "/api/v1/surveys/\(atClose.id)/answers", as: SurveyWorld.coordinator,
                                                 json: SurveyWorld.json(["answers": [atClose.question(1): 0,
                                                                                     atClose.question(3): 1]]))

            // assert
            #expect(liveNow.status == .ok)
            #expect(try TestResults.decode(Data(buffer: liveNow.body)).question(1)?.options?[2].count == 1)
            #expect(atCloseNow.status == .forbidden)
            #expect(try atCloseNow.decoded(TestProblem.self).code == "survey.results_on")
            #expect(atCloseDetail.body.string.contains(#""results_visible":false"#))
            #expect(!atCloseDetail.body.string.contains("respondents\":1"))
            #expect(atClosePastItsLastDay.status == .ok)
            #expect(lateAnswer.status == .conflict)
        }
    }

    @Test func theDemoConsultationIsClosedWithPublishedResults() async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            try await SurveysDemo.load(on: app.db, now: surveyDay, processID: nil)
            let survey = try #require(try await Survey.query(on: app.db).first())

            // act
            let results = try await apiCall(app, .GET, "/api/v1/surveys/\(survey.requireID())/results", token: nil)

            // assert
            #expect(results.status == .ok)
            let published = try TestResults.decode(Data(buffer: results.body))
            #expect(published.state == "closed" && published.respondents == 120)
            let cells = published.questions.flatMap { $0.breakdowns ?? [] }.flatMap(\.rows).flatMap(\.cells)
            #expect(cells.contains { $0.suppressed } && cells.contains { !$0.suppressed })
            #expect(published.question(4)?.texts?.items.isEmpty == false)
        }
    }
}
