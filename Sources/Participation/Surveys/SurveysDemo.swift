import ArabicText
import Fluent
import Platform
import Vapor

/// A consultation already closed, its results published: a hundred and twenty responses from several wilayas,
/// through the anonymous link and received in person, so that the results page, its charts and its breakdowns have
/// something to show. The room's demo loader calls it, with the process it belongs to (or nil).
public enum SurveysDemo {
    public static let title = "استشارة حول أولويات الميزانية التشاركية لسنة 2026"

    public static func load(on db: any Database, now: Date, processID: UUID?) async throws {
        let day: TimeInterval = 86_400
        let survey = Survey()
        survey.processID = processID
        survey.title = title
        survey.details = "نسأل سكان الولايات الشريكة عن المجالات التي يرونها أولى بالتمويل، وعن طرق مشاركتهم المفضلة. "
            + "تُنشر النتائج بعد إغلاق الاستشارة، ولا يُعرض أي عدد يقل عن عشرة أشخاص."
        survey.language = SiteLanguage.ar.rawValue
        survey.state = .closed
        survey.resultsVisibility = .atClose
        survey.linkToken = Keyed.randomToken()
        survey.opensOn = ISODate.string(now.addingTimeInterval(-38 * day))
        survey.closesOn = ISODate.string(now.addingTimeInterval(-8 * day))
        survey.searchTerms = " " + ArabicText.searchTerms(survey.title + " " + survey.details).joined(separator: " ") + " "
        survey.createdAt = now.addingTimeInterval(-40 * day)
        survey.openedAt = now.addingTimeInterval(-38 * day)
        survey.closedAt = now.addingTimeInterval(-8 * day)
        let questions = [
            question(1, .singleChoice, "ما المجال الذي يستحق الأولوية في تمويل المشاريع؟", required: true,
                     options: ["الشباب والتشغيل", "البيئة والمساحات الخضراء", "الصحة الجوارية", "الثقافة والرياضة"]),
            question(2, .multipleChoice, "كيف تفضّل المشاركة في القرارات المحلية؟", required: false,
                     options: ["الاجتماعات العامة في الحي", "المنصة الإلكترونية", "عن طريق الجمعيات", "الاستبيانات"]),
            question(3, .scale, "ما مدى رضاك عن الخدمات المحلية في بلديتك؟ (1: غير راضٍ، 5: راضٍ جدًا)", required: true),
            question(4, .longText, "هل لديك اقتراح آخر تودّ أن تأخذه الشبكة بعين الاعتبار؟", required: false),
        ]
        let suggestions = ["فتح فضاء للشباب في الحي مع ورشات للتكوين المهني.", "غرس الأشجار في مداخل المدينة.",
                           "قافلة طبية شهرية للقرى البعيدة.", "تنظيم لقاءات دورية بين المنتخبين والجمعيات."]
        let wilayas = ["05", "05", "05", "16", "16", "31", "07", "05", "16", "13"]
        try await db.transaction { tx in
            try await survey.create(on: tx)
            let surveyID = try survey.requireID()
            for question in questions { question.surveyID = surveyID }
            try await questions.create(on: tx)
            let secret = try await Keyed.secret(on: tx)
            // Responses and answers in two batches: every start with demo data, and most tests, load them.
            var responses: [SurveyResponse] = []
            var answers: [SurveyAnswer] = []
            for index in 0..<120 {
                let response = SurveyResponse()
                response.id = UUID()
                response.surveyID = surveyID
                // One in four was received in person by a coordinator (recognised by a document), the others came
                // through the link.
                let assisted = index % 4 == 3
                response.channel = assisted ? .assisted : .link
                response.participantKey = assisted
                    ? ParticipantKey.document(kind: "national_id", number: "DEMO\(100_000 + index)", secret: secret) : nil
                response.wilayaCode = index % 13 == 12 ? nil : wilayas[index % wilayas.count]
                response.sex = index % 11 == 10 ? nil : (index % 2 == 0 ? "f" : "m")
                response.ageGroup = AgeGroup.allCases[1 + index % 5].rawValue
                response.createdAt = now.addingTimeInterval(-Double(37 - index % 29) * day)
                responses.append(response)
                let responseID = try response.requireID()
                var values = [
                    SurveyCheckedAnswer(questionID: try questions[0].requireID(),
                                        optionIndex: [0, 0, 1, 2, 0, 3, 1][index % 7]),
                    SurveyCheckedAnswer(questionID: try questions[2].requireID(),
                                        scaleValue: [2, 3, 3, 4, 2, 5, 1, 3][index % 8]),
                ]
                for option in 0..<4 where (index + option) % 3 == 0 {
                    values.append(SurveyCheckedAnswer(questionID: try questions[1].requireID(), optionIndex: option))
                }
                if index % 9 == 0 {
                    values.append(SurveyCheckedAnswer(questionID: try questions[3].requireID(),
                                                      text: suggestions[(index / 9) % suggestions.count]))
                }
                answers += values.map { SurveyAnswer(responseID: responseID, surveyID: surveyID, value: $0,
                                                     at: response.createdAt) }
            }
            try await responses.create(on: tx)
            try await answers.create(on: tx)
            for (action, from, to, at) in [("open", SurveyState.draft, SurveyState.open, survey.openedAt),
                                           ("close", .open, .closed, survey.closedAt)] {
                try await WorkflowStep.record(workflow: SurveyWorkflow.survey.name, subjectID: surveyID, action: action,
                                              from: from.rawValue, to: to.rawValue, actor: .system, reason: nil, on: tx,
                                              at: at ?? now)
            }
        }
    }

    static func question(_ position: Int, _ kind: SurveyQuestionKind, _ prompt: String, required: Bool,
                         options: [String] = []) -> SurveyQuestion {
        let question = SurveyQuestion()
        question.position = position
        question.kind = kind
        question.prompt = prompt
        question.required = required
        question.options = SurveyOptionList(options)
        if kind == .scale {
            question.scaleMin = 1
            question.scaleMax = 5
        }
        return question
    }
}
