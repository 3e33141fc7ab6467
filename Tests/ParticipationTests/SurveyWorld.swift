import Directory
import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import VaporTesting

/// 10 March 2026, 09:00 UTC: a Tuesday the surveys of these tests run on.
let surveyDay = Date(timeIntervalSince1970: 1_773_133_200)

/// Accounts for the survey tests (a coordinator organises and assists, a citizen answers) and the JSON API as they
/// call it.
final class SurveyWorld: Sendable {
    let app: Application
    let client: TestAPI

    static let coordinator = "coordinator@example.org"
    static let citizen = "citizen@example.org"
    static let representative = "rep@example.org"

    init(_ app: Application) {
        self.app = app
        client = TestAPI(app)
    }

    static func make(_ app: Application) async throws -> SurveyWorld {
        try await makeUser(app, email: coordinator, name: "منسق الشبكة", roles: [.coordinator])
        try await makeUser(app, email: citizen, name: "Citoyenne", roles: [.citizen])
        return SurveyWorld(app)
    }

    func api(_ method: HTTPMethod, _ path: String, as email: String?, json: String? = nil, language: String = "en")
        async throws -> TestingHTTPResponse
    {
        try await client.call(method, path, as: email, json: json, language: language)
    }

    /// A body as JSON text.
    static func json(_ object: Any) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
    }

    /// The questions every test survey asks: a required single choice, an optional multiple choice, a required scale
    /// of 1 to 5 and an optional short text.
    static var questions: [[String: Any]] { [
        ["kind": "single_choice", "prompt": "Which priority first?", "required": true,
         "options": ["Youth and jobs", "Environment", "Local health"]],
        ["kind": "multiple_choice", "prompt": "How do you take part?", "required": false,
         "options": ["Meetings", "Website", "Associations", "Surveys"]],
        ["kind": "scale", "prompt": "How satisfied are you with local services?", "required": true, "scale_min": 1,
         "scale_max": 5],
        ["kind": "short_text", "prompt": "Another idea?", "required": false],
    ] }

    /// A survey created by the coordinator through the API, opened unless told otherwise; its id and question ids.
    func survey(visibility: String = "at_close", link: Bool = true, open: Bool = true, closesOn: String? = nil,
                title: String = "Priorities of the participatory budget 2026") async throws -> TestSurvey {
        var body: [String: Any] = ["title": title, "description": "What should be funded first?", "language": "en",
                                   "results_visibility": visibility, "anonymous_link": link,
                                   "questions": Self.questions]
        if let closesOn { body["closes_on"] = closesOn }
        let created = try await api(.POST, "/api/v1/surveys", as: Self.coordinator, json: Self.json(body))
        guard created.status == .created else { throw FixtureError("survey not created: \(created.body.string)") }
        let survey = try created.decoded(TestSurvey.self)
        if open {
            let opened = try await api(.POST, "/api/v1/surveys/\(survey.id)/transitions", as: Self.coordinator,
                                       json: #"{"action": "open"}"#)
            guard opened.status == .ok else { throw FixtureError("survey not opened: \(opened.body.string)") }
        }
        return survey
    }

    /// An account with a directory profile giving its wilaya and sex (either may be left out).
    func person(_ email: String, wilaya: String?, sex: PersonSex?) async throws {
        let user = try await makeUser(app, email: email, name: "Person \(email.prefix(8))", roles: [.citizen])
        let person = Person()
        person.userID = try user.requireID()
        person.displayName = user.displayName
        person.kind = .member
        person.sex = sex
        person.wilayaCode = wilaya
        person.languages = "ar"
        person.availability = .available
        person.isPublic = false
        try await person.create(on: app.db)
    }
}

/// A survey as the API gives it (the fields the tests read).
struct TestSurvey: Decodable {
    struct Question: Decodable {
        let id: String
        let position: Int
        let kind: String
    }

    let id: String
    let state: String
    let linkToken: String?
    let questions: [Question]

    enum CodingKeys: String, CodingKey {
        case id, state, questions
        case linkToken = "link_token"
    }

    /// The id of the question at `position` (1, 2, …).
    func question(_ position: Int) -> String {
        questions.first { $0.position == position }?.id ?? ""
    }
}
