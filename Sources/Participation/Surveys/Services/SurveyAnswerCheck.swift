import Foundation
import Platform

/// One answer ready to store.
public struct SurveyCheckedAnswer: Sendable, Equatable {
    public let questionID: UUID
    public var optionIndex: Int?
    public var scaleValue: Int?
    public var text: String?
}

/// Checks a response against its survey's questions: every problem at once, each on `answers.<question id>`.
public enum SurveyAnswerCheck {
    public static func check(_ answers: [String: SurveyAnswerValue]?, questions: [SurveyQuestion])
        -> ([SurveyCheckedAnswer], [FieldError])
    {
        let answers = answers ?? [:]
        var rows: [SurveyCheckedAnswer] = []
        var errors: [FieldError] = []
        var known = Set<String>()
        for question in questions.sorted(by: { $0.position < $1.position }) {
            guard let id = question.id else { continue }
            let key = id.uuidString
            known.insert(key)
            // Clients may write the id in either case.
            let value = answers[key] ?? answers[key.lowercased()]
            let field = "answers." + key
            guard let parts = (value ?? .empty).parts else {
                errors.append(FieldError(field, "validation.invalid"))
                continue
            }
            if parts.isEmpty {
                if question.required { errors.append(FieldError(field, "validation.required")) }
                continue
            }
            switch question.kind {
            case .singleChoice:
                guard parts.count == 1, let index = Int(parts[0]), question.options.labels.indices.contains(index) else {
                    errors.append(FieldError(field, "validation.invalid_choice"))
                    continue
                }
                rows.append(SurveyCheckedAnswer(questionID: id, optionIndex: index))
            case .multipleChoice:
                let indices = parts.map { Int($0) }
                guard indices.allSatisfy({ $0.map(question.options.labels.indices.contains) ?? false }) else {
                    errors.append(FieldError(field, "validation.invalid_choice"))
                    continue
                }
                for index in Set(indices.compactMap { $0 }).sorted() {
                    rows.append(SurveyCheckedAnswer(questionID: id, optionIndex: index))
                }
            case .scale:
                guard parts.count == 1, let value = Int(parts[0]), question.scaleValues.contains(value) else {
                    errors.append(FieldError(field, "validation.range", "\(question.scaleMin ?? 0)",
                                             "\(question.scaleMax ?? 0)"))
                    continue
                }
                rows.append(SurveyCheckedAnswer(questionID: id, scaleValue: value))
            case .shortText, .longText:
                guard case .text(let raw) = value else {
                    errors.append(FieldError(field, "validation.invalid"))
                    continue
                }
                let text = Validate.text(raw, field: field, max: question.kind.maxTextLength, into: &errors)
                if text.count <= question.kind.maxTextLength {
                    rows.append(SurveyCheckedAnswer(questionID: id, text: text))
                }
            }
        }
        let unknown = answers.keys.filter { !known.contains($0.uppercased()) }.sorted()
        errors += unknown.map { FieldError("answers." + $0, "survey.validation.unknown_question") }
        if errors.isEmpty, rows.isEmpty { errors.append(FieldError("answers", "survey.validation.nothing_answered")) }
        return (rows, errors)
    }
}
