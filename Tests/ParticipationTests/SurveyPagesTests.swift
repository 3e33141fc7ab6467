import Directory
import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// The survey pages as people use them: in three languages, the answer form with its errors, the anonymous link,
/// a coordinator's form, the organiser's form and steps, and the results with their charts and CSV.
@Suite("Survey pages: forms, errors, link, results in three languages")
struct SurveyPagesTests {
    typealias W = SurveyWorld

    @Test(arguments: SiteLanguage.allCases)
    func theSurveyPageAndTheListRenderInEachLanguage(language: SiteLanguage) async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            let world = try await W.make(app)
            let survey = try await world.survey()
            let browser = Browser(app)
            try await signIn(browser, email: W.citizen)
            let words: [SiteLanguage: (String, String)] = [
                .ar: ("أجب عن الاستبيان", "الاستبيانات والاستشارات"),
                .fr: ("Répondre à l’enquête", "Enquêtes et consultations"),
                .en: ("Answer the survey", "Surveys and consultations"),
            ]

            // act
            let page = try await browser.get("/\(language.rawValue)/surveys/\(survey.id)")
            let list = try await browser.get("/\(language.rawValue)/surveys")
            let found = try await browser.get("/\(language.rawValue)/surveys?q=budget")
            let none = try await browser.get("/\(language.rawValue)/surveys?q=zzzzzz")

            // assert: the language, its direction, its words, and each kind of question drawn as it should be
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(html.contains(#"<html lang="\#(language.rawValue)" dir="\#(language.direction)">"#))
            #expect(html.contains(words[language]!.0))
            #expect(html.contains(#"<h1 lang="en" dir="ltr">Priorities of the participatory budget 2026</h1>"#))
            let q1 = "answer-answers_" + survey.question(1)
            #expect(html.contains(#"type="radio" id="\#(q1)" name="answers[\#(survey.question(1))]" value="0""#))
            #expect(html.contains(#"type="checkbox" id="answer-answers_\#(survey.question(2))" name="answers[\#(survey.question(2))][]""#))
            #expect(html.contains(#"id="answer-answers_\#(survey.question(3))-4" name="answers[\#(survey.question(3))]" value="5""#))
            #expect(html.contains(#"<input id="answer-answers_\#(survey.question(4))" name="answers[\#(survey.question(4))]" type="text""#))
            #expect(html.contains(#"id="answer-wilaya_code" name="wilaya_code""#))
            #expect(!html.contains(#"action="/\#(language.rawValue)/surveys/\#(survey.id)/answers/assisted""#))
            #expect(list.status == .ok && list.body.string.contains(words[language]!.1))
            #expect(list.body.string.contains(#"href="/\#(language.rawValue)/surveys/\#(survey.id)""#))
            #expect(found.body.string.contains(survey.id) && !none.body.string.contains(survey.id))
        }
    }

    @Test func theAnswerFormShowsEveryProblemOnItsFieldThenRecordsTheAnswerAndThanks() async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            let world = try await W.make(app)
            let survey = try await world.survey()
            let browser = Browser(app)
            try await signIn(browser, email: W.citizen)
            let path = "/fr/surveys/\(survey.id)"
            _ = try await browser.get(path)
            let (q1, q2, q3, q4) = (survey.question(1), survey.question(2), survey.question(3), survey.question(4))

            // act: nothing chosen for the required questions; then an option that does not exist; then right
            let empty = try await browser.post(path + "/answers", form: ["answers[\(q4)]": "Une idée", "wilaya_code": ""])
            let wrong = try await browser.post(path + "/answers", form: ["answers[\(q1)]": "7", "answers[\(q3)]": "4"],
                                               extra: [("answers[\(q2)][]", "1"), ("answers[\(q2)][]", "12")])
            let sent = try await browser.post(path + "/answers", form: [
                "answers[\(q1)]": "2", "answers[\(q3)]": "4", "answers[\(q4)]": "Plus de bancs", "wilaya_code": "31",
                "sex": "f", "age_group": "25_34",
            ], extra: [("answers[\(q2)][]", "0"), ("answers[\(q2)][]", "3")])
            let after = try await browser.get(path)

            // assert: 422, the summary linking to the groups by their first box, the text kept
            #expect(empty.status == .unprocessableEntity)
            let refused = FormPage(empty.body.string)
            #expect(refused.summaryLinks == ["answer-answers_" + q1, "answer-answers_" + q3])
            #expect(refused.brokenSummaryLinks.isEmpty)
            #expect(refused.invalidFields.contains("answer-answers_" + q1))
            #expect(empty.body.string.contains("Ce champ est obligatoire."))
            #expect(empty.body.string.contains(#"value="Une idée""#))
            #expect(wrong.status == .unprocessableEntity)
            let wrongPage = FormPage(wrong.body.string)
            #expect(Set(wrongPage.summaryLinks) == ["answer-answers_" + q1, "answer-answers_" + q2])
            #expect(wrong.body.string.contains(#"id="answer-answers_\#(q3)-3" name="answers[\#(q3)]" value="4" checked"#))
            #expect(sent.status == .seeOther && sent.location == path)
            let response = try #require(try await SurveyResponse.query(on: app.db).first())
            #expect(response.wilayaCode == "31" && response.sex == "f" && response.ageGroup == "25_34")
            let answers = try await SurveyAnswer.query(on: app.db).all()
            #expect(answers.compactMap(\.optionIndex).sorted() == [0, 2, 3])
            #expect(answers.contains { $0.text == "Plus de bancs" } && answers.contains { $0.scaleValue == 4 })
            #expect(after.body.string.contains("Merci, vous avez répondu à cette enquête le"))
            #expect(!after.body.string.contains(#"action="\#(path)/answers""#))
        }
    }

    @Test func someoneWithTheLinkAnswersWithoutAnAccountAndIsThanked() async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            let world = try await W.make(app)
            let survey = try await world.survey()
            let token = try #require(survey.linkToken)
            let visitor = Browser(app)
            let path = "/ar/surveys/\(survey.id)"

            // act
            let withoutLink = try await visitor.get(path)
            let page = try await visitor.get(path + "?token=" + token)
            let sent = try await visitor.post(path + "/answers", form: [
                "token": token, "answers[\(survey.question(1))]": "0", "answers[\(survey.question(3))]": "2",
            ])
            let thanks = try await visitor.get(sent.location ?? path)
            let forged = try await visitor.post(path + "/answers", form: [
                "token": (token.first == "a" ? "b" : "a") + token.dropFirst(), "answers[\(survey.question(1))]": "0", "answers[\(survey.question(3))]": "2",
            ])

            // assert
            #expect(withoutLink.body.string.contains("للإجابة، ادخل إلى حسابك"))
            #expect(!withoutLink.body.string.contains(#"name="token""#))
            #expect(page.body.string.contains(#"<input type="hidden" name="token" value="\#(token)">"#))
            #expect(sent.status == .seeOther)
            #expect(sent.location == path + "?token=\(token)&answered=1")
            #expect(thanks.body.string.contains("شكرًا لك، سُجّل جوابك."))
            #expect(forged.status == .forbidden)
            let response = try #require(try await SurveyResponse.query(on: app.db).first())
            #expect(response.channel == .link && response.participantKey == nil && response.userID == nil)
            #expect(try await SurveyResponse.query(on: app.db).count() == 1)
        }
    }

    @Test func aCoordinatorRecordsTheAnswerOfACitizenReceivedInPerson() async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            let world = try await W.make(app)
            let survey = try await world.survey()
            let coordinator = Browser(app)
            try await signIn(coordinator, email: W.coordinator)
            let path = "/en/surveys/\(survey.id)"
            let page = try await coordinator.get(path)
            let (q1, q3) = (survey.question(1), survey.question(3))

            // act
            let missing = try await coordinator.post(path + "/answers/assisted", form: [
                "document_kind": "", "document_number": "12", "answers[\(q1)]": "1",
            ])
            let recorded = try await coordinator.post(path + "/answers/assisted", form: [
                "document_kind": "passport", "document_number": "P1234567", "answers[\(q1)]": "1", "answers[\(q3)]": "3",
                "wilaya_code": "47", "sex": "m",
            ])
            let again = try await coordinator.get(recorded.location ?? path)

            // assert
            #expect(page.body.string.contains(#"action="\#(path)/answers/assisted""#))
            #expect(missing.status == .unprocessableEntity)
            let refused = FormPage(missing.body.string)
            #expect(refused.summaries.count == 1)
            #expect(Set(refused.summaryLinks).isSuperset(of: ["assisted-document_kind", "assisted-document_number",
                                                              "assisted-answers_" + q3]))
            #expect(refused.brokenSummaryLinks.isEmpty)
            #expect(!refused.summaryLinks.contains { $0.hasPrefix("answer-") })
            #expect(recorded.status == .seeOther)
            #expect(again.body.string.contains("The citizen’s answer is recorded."))
            let response = try #require(try await SurveyResponse.query(on: app.db).first())
            #expect(response.channel == .assisted && response.wilayaCode == "47")
        }
    }

    @Test func theOrganiserWritesASurveyOnTheFormThenOpensAndClosesIt() async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup
            _ = try await W.make(app)
            let organiser = Browser(app)
            try await signIn(organiser, email: W.coordinator)
            let form = try await organiser.get("/en/surveys/new")
            var fields = [
                "title": "Neighbourhood meetings", "description": "When should we meet?", "language": "en",
                "results_visibility": "live", "anonymous_link": "1", "process_id": "",
                "questions[0][kind]": "single_choice", "questions[0][prompt]": "Which day?",
                "questions[0][options]": "Monday\nThursday\nSaturday", "questions[0][required]": "1",
                "questions[1][kind]": "", "questions[1][prompt]": "", "questions[1][options]": "",
                "questions[2][kind]": "multiple_choice", "questions[2][prompt]": "Which topics?",
                "questions[2][options]": "Only one", "questions[3][kind]": "scale", "questions[3][prompt]": "How useful?",
                "questions[3][scale_min]": "1", "questions[3][scale_max]": "x",
            ]

            // act: a choice with one option and a scale bound that is no number; then corrected
            let refused = try await organiser.post("/en/surveys", form: fields)
            fields["questions[2][options]"] = "Roads\nSchools\nWater"
            fields["questions[3][scale_max]"] = "٧"
            let created = try await organiser.post("/en/surveys", form: fields)
            let surveyPath = try #require(created.location)
            let draft = try await organiser.get(surveyPath)
            let opened = try await organiser.post(surveyPath + "/transitions", form: ["action": "open"])
            let asked = try await organiser.post(surveyPath + "/transitions", form: ["action": "close"])
            let closed = try await organiser.post(surveyPath + "/transitions", form: ["action": "close", "confirmed": "yes"])
            let final = try await organiser.get(surveyPath)

            // assert
            #expect(form.status == .ok && form.body.string.contains(#"name="questions[7][prompt]""#))
            #expect(refused.status == .unprocessableEntity)
            let page = FormPage(refused.body.string)
            #expect(Set(page.summaryLinks) == ["questions_2_options", "questions_3_scale_max"])
            #expect(page.brokenSummaryLinks.isEmpty)
            #expect(created.status == .seeOther)
            let survey = try #require(try await Survey.query(on: app.db).first())
            let questions = try await SurveyQuestion.query(on: app.db).sort(\.$position).all()
            #expect(questions.map(\.position) == [1, 2, 3])
            #expect(questions.map(\.kind) == [.singleChoice, .multipleChoice, .scale])
            #expect(questions[1].options.labels == ["Roads", "Schools", "Water"] && questions[2].scaleMax == 7)
            #expect(survey.resultsVisibility == .live && survey.linkToken != nil)
            #expect(draft.body.string.contains("Draft") && draft.body.string.contains("?token=" + survey.linkToken!))
            #expect(opened.status == .seeOther)
            #expect(asked.status == .ok && asked.body.string.contains(#"name="confirmed" value="yes""#))
            #expect(closed.status == .seeOther)
            #expect(try await Survey.find(survey.id, on: app.db)?.state == .closed)
            #expect(final.body.string.contains("This survey is closed and takes no more answers."))
        }
    }

    @Test(arguments: SiteLanguage.allCases)
    func theResultsPageDrawsChartsAndBreakdownsAndTheCSVIsSafe(language: SiteLanguage) async throws {
        try await withShabaka(clock: ManualClock(surveyDay)) { app in
            // setup: the demo consultation, and a survey whose one text answer is a formula
            try await SurveysDemo.load(on: app.db, now: surveyDay, processID: nil)
            let demo = try #require(try await Survey.query(on: app.db).first())
            let world = try await W.make(app)
            let survey = try await world.survey(visibility: "live")
            _ = try await world.api(.POST, "/api/v1/surveys/\(survey.id)/answers", as: W.citizen, json: W.json([
                "answers": [survey.question(1): 0, survey.question(3): 3,
                            survey.question(4): "=HYPERLINK(\"http://evil.example\",\"x\")"],
            ]))
            let fewer: [SiteLanguage: String] = [.ar: "أقل من 10", .fr: "moins de 10", .en: "fewer than 10"]

            // act
            let page = try await apiCall(app, .GET, "/\(language.rawValue)/surveys/\(demo.requireID())/results", token: nil)
            let csv = try await apiCall(app, .GET, "/api/v1/surveys/\(survey.id)/results.csv", token: nil)

            // assert: a chart per counted question, readable without seeing it, and withheld cells said in words
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(html.contains(#"<html lang="\#(language.rawValue)" dir="\#(language.direction)">"#))
            #expect(html.components(separatedBy: #"role="img""#).count - 1 == 3)
            #expect(html.contains(#"<svg id="chart-"#) && html.contains("<title>ما المجال الذي يستحق الأولوية"))
            #expect(html.contains(fewer[language]!))
            #expect(html.contains(#"href="/api/v1/surveys/\#(try demo.requireID().uuidString)/results.csv""#))
            #expect(html.contains(#"data-label=""#) && html.contains(#"<div class="table-wrap">"#))
            if language == .ar { #expect(html.contains(#"<text x="100%""#)) } else { #expect(html.contains(#"<text x="0%""#)) }
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            let text = csv.body.string
            #expect(text.hasPrefix("question,position,kind,option,dimension,group,count,suppressed,text\r\n"))
            #expect(text.contains(#"'=HYPERLINK(""http://evil.example"",""x"")"#))
            #expect(!text.contains(#",=HYPERLINK"#) && !text.contains(#","=HYPERLINK"#))
            #expect(text.contains("Which priority first?,1,single_choice,Youth and jobs,total,,1,false,"))
        }
    }
}
