import Fluent
import Platform
import Vapor

/// Surveys and consultations within the Participation room: their pages' addresses, what they hold about a person
/// (for the personal-data export and erasure).
public enum SurveysRoom {
    public static func configure(_ app: Application) {
        app.siteLinks.register(SurveysSiteURL.allCases)
        app.personalData.register(personalData)
    }

    /// A person's answers, in their export. On erasure the answers stay (they are counted, with the wilaya and sex
    /// captured when given), and nothing ties them to the account any more but its anonymous key.
    static let personalData = PersonalDataSection(
        name: "survey_answers",
        export: { userID, db, _ in
            let responses = try await SurveyResponse.query(on: db).filter(\.$userID == userID).sort(\.$createdAt).all()
            var rows: PersonalDataSection.Rows = []
            for response in responses {
                guard let id = response.id else { continue }
                let answers = try await SurveyAnswer.query(on: db).filter(\.$responseID == id).all()
                let questions = try await SurveyQuestion.query(on: db).filter(\.$surveyID == response.surveyID).all()
                for answer in answers {
                    guard let question = questions.first(where: { $0.id == answer.questionID }) else { continue }
                    let value = answer.text ?? answer.scaleValue.map(String.init)
                        ?? answer.optionIndex.flatMap { question.options.labels.indices.contains($0)
                            ? question.options.labels[$0] : nil } ?? ""
                    rows.append(["survey_id": response.surveyID.uuidString, "question": question.prompt, "answer": value,
                                 "wilaya_code": response.wilayaCode ?? "", "sex": response.sex ?? "",
                                 "age_group": response.ageGroup ?? "", "answered_at": response.createdAt.iso8601])
                }
            }
            return rows
        },
        erase: { userID, db in
            try await SurveyResponse.query(on: db).filter(\.$userID == userID).set(\.$userID, to: nil).update()
        })
}
