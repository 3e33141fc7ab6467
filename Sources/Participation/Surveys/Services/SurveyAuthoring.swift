import ArabicText
import Fluent
import Platform
import Vapor

/// Creating a survey: every field checked at once, then the survey and its questions written together.
public enum SurveyAuthoring {
    public static let maxQuestions = 30
    public static let optionCount = 2...20
    /// Scales run within these bounds (0–10 covers the usual 1–5, 1–7 and 0–10 scales).
    public static let scaleBounds = 0...10

    /// Every problem of `input`; the survey and its questions when there is none.
    public static func validate(_ input: SurveyInput, on db: any Database) async throws
        -> (Survey, [SurveyQuestion], [FieldError])
    {
        var errors: [FieldError] = []
        let survey = Survey()
        survey.title = Validate.text(input.title, field: "title", max: 200, into: &errors)
        survey.details = Validate.text(input.description, field: "description", max: 4000, required: false, into: &errors)
        survey.language = Validate.trimmed(input.language) ?? SiteLanguage.default.rawValue
        if SiteLanguage(rawValue: survey.language) == nil {
            errors.append(FieldError("language", "validation.invalid_choice"))
        }
        if let raw = Validate.trimmed(input.resultsVisibility) {
            survey.resultsVisibility = Validate.choice(raw, field: "results_visibility", as: SurveyResultsVisibility.self,
                                                       into: &errors) ?? .atClose
        } else {
            survey.resultsVisibility = .atClose
        }
        if let processID = input.processID {
            if try await ParticipatoryProcess.find(processID, on: db) == nil {
                errors.append(FieldError("process_id", "validation.invalid_choice"))
            }
        }
        survey.processID = input.processID
        survey.opensOn = Validate.trimmed(input.opensOn)
        survey.closesOn = Validate.trimmed(input.closesOn)
        _ = Validate.date(survey.opensOn, field: "opens_on", required: false, into: &errors)
        _ = Validate.date(survey.closesOn, field: "closes_on", required: false, into: &errors)
        if let opensOn = survey.opensOn, let closesOn = survey.closesOn, ISODate.parse(opensOn) != nil,
           ISODate.parse(closesOn) != nil, closesOn < opensOn {
            errors.append(FieldError("closes_on", "validation.end_before_start"))
        }
        let questions = self.questions(input.questions, into: &errors)
        return (survey, questions, errors)
    }

    static func questions(_ inputs: [SurveyQuestionInput]?, into errors: inout [FieldError]) -> [SurveyQuestion] {
        let inputs = inputs ?? []
        if inputs.isEmpty { errors.append(FieldError("questions", "survey.validation.no_questions")) }
        if inputs.count > maxQuestions { errors.append(FieldError("questions", "validation.too_many", "\(maxQuestions)")) }
        return inputs.prefix(maxQuestions).enumerated().map { index, input in
            question(input, position: index + 1, field: "questions.\(index)", into: &errors)
        }
    }

    static func question(_ input: SurveyQuestionInput, position: Int, field: String, into errors: inout [FieldError])
        -> SurveyQuestion
    {
        let question = SurveyQuestion()
        question.position = position
        question.kind = Validate.choice(Validate.trimmed(input.kind), field: field + ".kind", as: SurveyQuestionKind.self,
                                        into: &errors) ?? .shortText
        question.prompt = Validate.text(input.prompt, field: field + ".prompt", max: 500, into: &errors)
        question.required = input.required ?? false
        question.options = SurveyOptionList()
        let options = (input.options ?? []).compactMap(Validate.trimmed)
        if question.kind.hasOptions {
            if !optionCount.contains(options.count) {
                errors.append(FieldError(field + ".options", "survey.validation.option_count", "\(optionCount.lowerBound)",
                                         "\(optionCount.upperBound)"))
            } else if options.contains(where: { $0.count > 200 || $0.contains(where: \.isNewline) }) {
                errors.append(FieldError(field + ".options", "survey.validation.option_length", "200"))
            } else if Set(options).count != options.count {
                errors.append(FieldError(field + ".options", "survey.validation.option_duplicate"))
            }
            question.options = SurveyOptionList(options)
        } else if !options.isEmpty {
            errors.append(FieldError(field + ".options", "survey.validation.options_not_asked"))
        }
        if question.kind == .scale {
            let low = input.scaleMin ?? 1, high = input.scaleMax ?? 5
            if !scaleBounds.contains(low) {
                errors.append(FieldError(field + ".scale_min", "validation.range", "\(scaleBounds.lowerBound)",
                                         "\(scaleBounds.upperBound)"))
            }
            if !scaleBounds.contains(high) {
                errors.append(FieldError(field + ".scale_max", "validation.range", "\(scaleBounds.lowerBound)",
                                         "\(scaleBounds.upperBound)"))
            } else if scaleBounds.contains(low), high <= low {
                errors.append(FieldError(field + ".scale_max", "survey.validation.scale_order"))
            }
            question.scaleMin = low
            question.scaleMax = high
        }
        return question
    }

    /// Creates a draft survey for the organiser: the network's staff, or for a process its organiser.
    public static func create(_ input: SurveyInput, by user: CurrentUser, on db: any Database, now: Date) async throws
        -> Survey
    {
        guard SurveyPolicy.mayCreate(user) else { throw PlatformError.forbidden(permission: .manageProcesses) }
        let (survey, questions, errors) = try await validate(input, on: db)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        if survey.processID == nil {
            try user.require(.manageProcesses)
        } else if !(try await SurveyPolicy.isOrganizer(user, processID: survey.processID, on: db)) {
            throw SurveyError.notTheOrganizer
        }
        survey.state = .draft
        survey.linkToken = input.anonymousLink == true ? Keyed.randomToken() : nil
        survey.searchTerms = " " + ArabicText.searchTerms(survey.title + " " + survey.details).joined(separator: " ") + " "
        survey.createdBy = user.id
        survey.createdAt = now
        try await db.transaction { tx in
            try await survey.create(on: tx)
            let id = try survey.requireID()
            for question in questions { question.surveyID = id }
            try await questions.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "survey.created", subjectType: "survey",
                                      subjectID: id.uuidString, details: ["questions": "\(questions.count)"], at: now)
        }
        return survey
    }

    /// Opens or closes the survey (``SurveyWorkflow``), as its organiser.
    public static func step(_ survey: Survey, action: String, by user: CurrentUser, on db: any Database, now: Date)
        async throws
    {
        let from = survey.state
        let transition = try SurveyWorkflow.survey.check(action: action, from: from, user: user, reason: nil)
        try await SurveyPolicy.requireOrganizer(user, of: survey, on: db)
        survey.state = transition.to
        if transition.to == .open { survey.openedAt = now }
        if transition.to == .closed { survey.closedAt = now }
        try await SurveyWorkflow.survey.apply(transition, to: survey, from: from, by: AuditActor(user), reason: nil,
                                              on: db, at: now)
    }
}
