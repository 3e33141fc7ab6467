import Directory
import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Answering: one response per person however many times and however fast it is sent, every problem of a response
/// named by its field, and no input that makes the server fail.
@Suite("Survey answers: one per person, refusals by field, never a 500")
struct SurveyAnswerTests {
    typealias W = SurveyWorld

    static func responses(_ app: Application, key: String) async throws -> Int {
        try await SurveyResponse.query(on: app.db).filter(\.$participantKey == key).count()
    }

    @Test func anAccountAnsweringTwiceInARowOrTwentyTimesAtOnceLeavesOneResponse() async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            let world = try await W.make(app)
            try await world.person("fast@example.org", wilaya: "16", sex: .f)
            let survey = try await world.survey()
            let body = W.json(["answers": [survey.question(1): 0, survey.question(3): 5]])
            let path = "/api/v1/surveys/\(survey.id)/answers"
            _ = try await world.client.token("fast@example.org")

            // act: twice in a row (the citizen), twenty at once (another account)
            let first = try await world.api(.POST, path, as: W.citizen, json: body)
            let second = try await world.api(.POST, path, as: W.citizen, json: body)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await world.api(.POST, path, as: "fast@example.org", json: body).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }

            // assert
            #expect(first.status == .created)
            #expect(second.status == .conflict)
            #expect(try second.decoded(TestProblem.self).code == "survey.already_answered")
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 19, "\(statuses)")
            let citizen = try #require(try await User.query(on: app.db).filter(\.$email == W.citizen).first())
            let fast = try #require(try await User.query(on: app.db).filter(\.$email == "fast@example.org").first())
            #expect(try await Self.responses(app, key: ParticipantKey.account(citizen.requireID())) == 1)
            #expect(try await Self.responses(app, key: ParticipantKey.account(fast.requireID())) == 1)
            #expect(try await SurveyResponse.query(on: app.db).count() == 2)
            #expect(try await SurveyAnswer.query(on: app.db).count() == 4)
            // the answer is in the person's data export, by its question and option
            let export = try await world.api(.GET, "/api/v1/me/data", as: W.citizen).body.string
            #expect(export.contains(#""survey_answers""#) && export.contains("Youth and jobs"))
        }
    }

    @Test func aCitizenReceivedTwiceIsRecognisedByTheirDocumentAndTheAnswerIsMarkedAndAudited() async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            let world = try await W.make(app)
            let survey = try await world.survey()
            let (q1, q3) = (survey.question(1), survey.question(3))
            let body: @Sendable (String) -> String = { number in
                W.json(["document_kind": "national_id", "document_number": number, "wilaya_code": "05", "sex": "m",
                        "answers": [q1: 1, q3: 2]])
            }
            let path = "/api/v1/surveys/\(survey.id)/answers/assisted"
            let audits = try await rowCount(app, "audit_entries")

            // act: the same card written two ways, at once and then again; a citizen may not use this door
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for number in ["109870001234", "1098 7000 1234", "109870001234", "109-870-001-234"] {
                    group.addTask { try await world.api(.POST, path, as: W.coordinator, json: body(number)).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            let byCitizen = try await world.api(.POST, path, as: W.citizen, json: body("555666777"))

            // assert
            #expect(statuses.sorted { $0.code < $1.code } == [.created, .conflict, .conflict, .conflict])
            #expect(byCitizen.status == .forbidden)
            let response = try #require(try await SurveyResponse.query(on: app.db).first())
            #expect(try await SurveyResponse.query(on: app.db).count() == 1)
            #expect(response.channel == .assisted && response.assistedBy != nil && response.userID == nil)
            #expect(response.participantKey?.hasPrefix("d:") == true)
            #expect(response.participantKey?.contains("109870001234") == false)
            #expect(response.wilayaCode == "05" && response.sex == "m")
            let audit = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "survey.answered").first())
            #expect(audit.details.contains(#""assisted":"true""#) && audit.details.contains("national_id"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "survey.answered").count() == 1)
            #expect(try await rowCount(app, "audit_entries") > audits)
        }
    }

    @Test func missingRequiredAnswersAndOptionsThatDoNotExistAreNamedByField() async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            let world = try await W.make(app)
            let survey = try await world.survey()
            let path = "/api/v1/surveys/\(survey.id)/answers"
            let (q1, q2, q3, q4) = (survey.question(1), survey.question(2), survey.question(3), survey.question(4))

            // act
            let nothing = try await world.api(.POST, path, as: W.citizen, json: #"{"answers": {}}"#)
            let optionalOnly = try await world.api(.POST, path, as: W.citizen, json: W.json(["answers": [q4: "An idea"]]))
            let badOptions = try await world.api(.POST, path, as: W.citizen, json: W.json([
                "answers": [q1: 3, q2: [0, 9], q3: 6, "00000000-0000-0000-0000-000000000000": 1],
                "wilaya_code": "99", "sex": "x",
            ]))

            // assert
            #expect(nothing.status == .unprocessableEntity)
            #expect(try nothing.decoded(TestProblem.self).errors.map(\.field) == ["answers." + q1, "answers." + q3])
            #expect(try optionalOnly.decoded(TestProblem.self).errors.map(\.field) == ["answers." + q1, "answers." + q3])
            #expect(badOptions.status == .unprocessableEntity)
            let fields = Set(try badOptions.decoded(TestProblem.self).errors.map(\.field))
            #expect(fields == ["answers." + q1, "answers." + q2, "answers." + q3,
                               "answers.00000000-0000-0000-0000-000000000000", "wilaya_code", "sex"])
            #expect(try await SurveyResponse.query(on: app.db).count() == 0)
        }
    }

    @Test func noBodyAndNoAddressMakesTheServerFail() async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            let world = try await W.make(app)
            let survey = try await world.survey()
            let path = "/api/v1/surveys/\(survey.id)/answers"
            let (q1, q3, q4) = (survey.question(1), survey.question(3), survey.question(4))
            let bodies: [String] = [
                "not json", "[]", "null", #"{"answers": "x"}"#, #"{"answers": [1, 2]}"#, #"{"answers": null}"#,
                #"{"answers": {"\#(q1)": {"a": 1}}}"#, #"{"answers": {"\#(q1)": 1e30, "\#(q3)": 3}}"#,
                #"{"answers": {"\#(q1)": -1, "\#(q3)": 3}}"#, #"{"answers": {"\#(q1)": "1.5", "\#(q3)": 3}}"#,
                #"{"answers": {"\#(q1)": true, "\#(q3)": 3}}"#, #"{"answers": {"\#(q1)": [0, 1], "\#(q3)": 3}}"#,
                #"{"answers": {"\#(q1)": 9223372036854775807, "\#(q3)": 3}}"#,
                #"{"answers": {"\#(q1)": "٢", "\#(q3)": "3"}}"#, #"{"answers": {"\#(q1)": 0, "\#(q3)": [3, 4]}}"#,
                #"{"answers": {"\#(q1)": 0, "\#(q3)": 3, "\#(q4)": 5}}"#,
                #"{"answers": {"\#(q1)": 0, "\#(q3)": 3, "\#(q4)": "\#(String(repeating: "x", count: 301))"}}"#,
                #"{"answers": {"\#(q1)": 0, "\#(q3)": 3}, "age_group": 7}"#,
                #"{"answers": {"\#(q1)": [], "\#(q3)": ""}}"#, #"{"answers": {"\#(q1)": [null], "\#(q3)": 3}}"#,
            ]

            // act
            var statuses: [String: HTTPStatus] = [:]
            for body in bodies {
                statuses[body] = try await world.api(.POST, path, as: W.citizen, json: body).status
            }
            let paths = ["/api/v1/surveys/not-an-id/answers", "/api/v1/surveys/\(UUID())/answers",
                         "/api/v1/surveys/\(UUID())/results", "/api/v1/surveys/\(survey.id)/results?page=0",
                         "/api/v1/surveys?size=1000", "/api/v1/surveys?q=\(String(repeating: "a", count: 201))",
                         "/api/v1/surveys?state=sleeping", "/api/v1/surveys?process=nothing"]
            var scales: [String: HTTPStatus] = [:]
            for bound in ["1e300", "9223372036854775808", "-1", "11", "1", "1.5", #""x""#, "[]", "{}"] {
                let body = #"{"title": "T", "questions": [{"kind": "scale", "prompt": "P", "scale_max": \#(bound)}]}"#
                scales[bound] = try await world.api(.POST, "/api/v1/surveys", as: W.coordinator, json: body).status
            }
            var others: [String: HTTPStatus] = [:]
            for other in paths {
                others[other] = try await world.api(other.hasSuffix("answers") ? .POST : .GET, other, as: W.citizen,
                                                    json: W.json(["answers": [q1: 0]])).status
            }

            // assert: each a refusal the client can act on, never a server error, and nothing stored
            for (body, status) in statuses {
                #expect([.badRequest, .unprocessableEntity].contains(status), "\(body): \(status)")
            }
            for (other, status) in others {
                #expect([.notFound, .unprocessableEntity, .forbidden].contains(status), "\(other): \(status)")
            }
            for (bound, status) in scales {
                // A number JSON cannot give as a whole number is a malformed body (400), the others a field error.
                #expect([.badRequest, .unprocessableEntity].contains(status), "scale_max \(bound): \(status)")
            }
            #expect(try await SurveyResponse.query(on: app.db).count() == 0)
        }
    }

    @Test func theAnonymousLinkNeedsItsSecretAndIsLimitedPerAddress() async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            let world = try await W.make(app)
            let survey = try await world.survey()
            let closedDoor = try await world.survey(link: false, title: "Accounts only")
            let token = try #require(survey.linkToken)
            let body = W.json(["answers": [survey.question(1): 1, survey.question(3): 3]])
            let path = "/api/v1/surveys/\(survey.id)/answers"
            let limit = SurveyAnswering.linkPerAddress.limit

            // act
            let noToken = try await world.api(.POST, path, as: nil, json: body)
            let wrongToken = try await world.api(.POST, path + "?token=" + String(token.reversed()), as: nil, json: body)
            let noLink = try await world.api(.POST, "/api/v1/surveys/\(closedDoor.id)/answers?token=\(token)", as: nil,
                                             json: W.json(["answers": [closedDoor.question(1): 1, closedDoor.question(3): 3]]))
            var accepted = 0
            for _ in 0..<limit {
                let sent = try await world.api(.POST, path + "?token=" + token, as: nil, json: body)
                if sent.status == .created { accepted += 1 }
            }
            let overLimit = try await world.api(.POST, path + "?token=" + token, as: nil, json: body)
            let detailForPublic = try await world.api(.GET, "/api/v1/surveys/\(survey.id)", as: nil)

            // assert
            for refused in [noToken, wrongToken, noLink] {
                #expect(refused.status == .forbidden)
                #expect(try refused.decoded(TestProblem.self).code == "survey.link_invalid")
            }
            #expect(accepted == limit)
            #expect(overLimit.status == .tooManyRequests)
            #expect(try await SurveyResponse.query(on: app.db).filter(\.$channel == .link).count() == limit)
            #expect(try await SurveyResponse.query(on: app.db).filter(\.$participantKey == nil).count() == limit)
            #expect(!detailForPublic.body.string.contains(token))
        }
    }

    @Test func aDraftIsItsOrganisersAloneAndTakesNoAnswer() async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            let world = try await W.make(app)
            let draft = try await world.survey(open: false, title: "Not yet")

            // act
            let asCitizen = try await world.api(.GET, "/api/v1/surveys/\(draft.id)", as: W.citizen)
            let listForCitizen = try await world.api(.GET, "/api/v1/surveys", as: W.citizen)
            let listForOrganiser = try await world.api(.GET, "/api/v1/surveys?q=yet", as: W.coordinator)
            let answer = try await world.api(.POST, "/api/v1/surveys/\(draft.id)/answers", as: W.coordinator,
                                             json: W.json(["answers": [draft.question(1): 0, draft.question(3): 1]]))
            let openedByCitizen = try await world.api(.POST, "/api/v1/surveys/\(draft.id)/transitions", as: W.citizen,
                                                      json: #"{"action": "open"}"#)
            let closedFromDraft = try await world.api(.POST, "/api/v1/surveys/\(draft.id)/transitions", as: W.coordinator,
                                                      json: #"{"action": "close"}"#)

            // assert
            #expect(asCitizen.status == .notFound)
            #expect(listForCitizen.body.string.contains(#""total":0"#))
            #expect(listForOrganiser.body.string.contains(#""total":1"#) && listForOrganiser.body.string.contains(draft.id))
            #expect(answer.status == .conflict)
            #expect(try answer.decoded(TestProblem.self).code == "survey.not_open")
            #expect([.notFound, .forbidden].contains(openedByCitizen.status))
            #expect(closedFromDraft.status == .conflict)
        }
    }

    @Test func aProcessSurveyIsOrganisedByTheRepresentativesOfItsOrganiserOnly() async throws {
        try await withShabaka(demo: true, clock: ManualClock(surveyDay)) { app in
            // setup: a process of one association, a representative of it and one of another
            let world = try await W.make(app)
            let organiser = try #require(try await Organization.query(on: app.db).filter(\.$slug == "tadamoun-batna").first())
            let process = ParticipatoryProcess()
            process.slug = "batna-budget-2026"
            process.title = Translated(ar: "الميزانية التشاركية لباتنة", fr: "Budget participatif de Batna")
            process.details = Translated(ar: "مسار تشاركي")
            process.organizerID = try organiser.requireID()
            process.scopeWilayas = "05"
            process.endorsementThreshold = 50
            process.countsVisible = true
            process.stances = true
            process.premoderation = false
            process.createdAt = surveyDay
            try await process.create(on: app.db)
            try await makeRepresentative(app, email: W.representative, of: "tadamoun-batna")
            try await makeRepresentative(app, email: "other@example.org", of: "nour-women-ghardaia")
            let body = W.json(["process_id": try process.requireID().uuidString, "title": "استشارة سكان باتنة",
                               "questions": [W.questions[0]]])
            let withoutProcess = W.json(["title": "Network survey", "questions": [W.questions[0]]])

            // act
            let byOther = try await world.api(.POST, "/api/v1/surveys", as: "other@example.org", json: body)
            let byCitizen = try await world.api(.POST, "/api/v1/surveys", as: W.citizen, json: body)
            let ofTheNetworkByRepresentative = try await world.api(.POST, "/api/v1/surveys", as: W.representative,
                                                                   json: withoutProcess)
            let created = try await world.api(.POST, "/api/v1/surveys", as: W.representative, json: body)
            let id = try created.decoded(TestSurvey.self).id
            let openedByOther = try await world.api(.POST, "/api/v1/surveys/\(id)/transitions", as: "other@example.org",
                                                    json: #"{"action": "open"}"#)
            let opened = try await world.api(.POST, "/api/v1/surveys/\(id)/transitions", as: W.representative,
                                             json: #"{"action": "open"}"#)

            // assert
            #expect(byOther.status == .forbidden)
            #expect(try byOther.decoded(TestProblem.self).code == "survey.not_the_organizer")
            #expect(byCitizen.status == .forbidden)
            #expect(ofTheNetworkByRepresentative.status == .forbidden)
            #expect(created.status == .created)
            #expect(openedByOther.status == .notFound || openedByOther.status == .forbidden)
            #expect(opened.status == .ok && opened.state == "open")
        }
    }
}
