import Directory
import Fluent
import Platform
import Vapor

/// Project pages: the list, a new project, one project with its whole follow-up (reports, difficulties,
/// evaluations, pledges, cooperation) and the forms for each step.
struct ProjectsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ProjectsSiteURL.projects.pathComponents, use: list)
        routes.get(ProjectsSiteURL.newProject.pathComponents, use: newForm)
        routes.post(ProjectsSiteURL.projects.pathComponents, use: create)
        let one = ProjectsSiteURL.projects.pathComponents + [":project"]
        routes.get(one, use: show)
        routes.post(one + ["transitions"], use: transition)
        routes.post(one + ["reports"], use: fileReport)
        routes.post(one + ["difficulties"], use: reportDifficulty)
        routes.post(one + ["evaluations"], use: evaluate)
        routes.get(ProjectsSiteURL.evaluations.pathComponents, use: evaluations)
    }

    // MARK: new project

    struct NewContext: Encodable {
        let page: PageMeta
        let form: FormState
        let organizations: [ChoiceOption]
        let wilayas: [ChoiceOption]
        let domains: [ChoiceOption]
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        try await renderNew(req, form: .empty)
    }

    func renderNew(_ req: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.require(.submitProjects)
        let organizations = try await Representation.organizations(of: user.id, on: req.db)
        let selected = form.values["organization_id"]
        return try await req.render("projects/new", NewContext(
            page: try await PageMeta.make(for: req, titleKey: "projects.new"), form: form,
            organizations: organizations.compactMap { organization in
                organization.id.map { ChoiceOption(value: $0.uuidString, label: organization.name.resolve(in: req.language).text,
                                             selected: $0.uuidString == selected) }
            },
            wilayas: try await Options.wilayas(req, selected: form.values["wilaya_code"]),
            domains: try await Options.domains(req, selected: Set([form.values["domain_code"]].compactMap { $0 }))), status: status)
    }

    static let newFields = ["organization_id", "title_ar", "title_fr", "title_en", "summary", "social_need", "beneficiaries",
                            "domain_code", "wilaya_code", "budget", "funding", "partners", "starts_on", "ends_on", "expected_jobs"]

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var input = ProjectInput()
        var errors: [FieldError] = []
        input.organizationID = UUID(uuidString: req.formField("organization_id"))
        input.title = Translated(ar: req.formField("title_ar"), fr: req.formField("title_fr"), en: req.formField("title_en"))
        let summary = req.formField("summary"), need = req.formField("social_need")
        input.summary = Translated(req.language, summary)
        input.socialNeed = Translated(req.language, need)
        input.beneficiaries = req.formField("beneficiaries")
        input.domainCode = req.formField("domain_code")
        input.wilayaCode = req.formField("wilaya_code")
        input.budgetMinor = FormNumbers.minor(req.formField("budget"), field: "budget", into: &errors)
        input.funding = FundingText.funding(req.formField("funding"), into: &errors)
        input.partners = req.formField("partners")
        input.startsOn = req.formField("starts_on")
        input.endsOn = req.formField("ends_on")
        input.expectedJobs = FormNumbers.integer(req.formField("expected_jobs"), field: "expected_jobs", into: &errors)
        do {
            // Problems of the typed numbers and of every other field are all reported at once.
            guard errors.isEmpty else { throw ValidationFailure(errors + (try await ProjectService.validate(input, on: req.db)).1) }
            let project = try await ProjectService.create(input, by: user, on: req.db, now: req.now)
            return req.seeOther(ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug)
        } catch let failure as ValidationFailure {
            let renamed = failure.fieldErrors.map { error -> FieldError in
                let field = ["title": "title_ar", "budget_minor": "budget"][error.field] ?? error.field
                return error.renamed(field)
            }
            let values = Self.newFields.reduce(into: [String: String]()) { $0[$1] = req.formField($1) }
            return try await renderNew(req, form: FormState(values: values, fieldErrors: renamed, on: req),
                                       status: .unprocessableEntity)
        }
    }

    // MARK: one project

    struct ShowContext: Encodable {
        let page: PageMeta
        let project: ProjectDTO
        let title: LocalizedText
        let summary: LocalizedText
        let socialNeed: LocalizedText
        let organization: LocalizedText
        let wilaya: String
        let domain: String
        let budget: String
        let funding: [String]
        let revenue: String
        let actions: [String]
        let canReport: Bool
        let canEvaluate: Bool
        let formName: String
        let form: FormState
        let categories: [ChoiceOption]
        let severities: [ChoiceOption]
        let phases: [ChoiceOption]
        let criteria: [String]
        let scale: [Int]
        let pledges: [PledgeLine]
        let cooperation: [CooperationLine]
        let evaluations: [EvaluationLine]
        let procedure: [ProcedureLine]
        let scoreFields: [ScoreField]
        let jobs: [JobsFieldset]
    }

    /// One criterion's input of the evaluation form, with what was typed and its error.
    struct ScoreField: Encodable {
        let name: String
        let criterion: String
        let value: String
        let error: String?
    }

    struct EvaluationLine: Encodable {
        let phase: String
        let scores: [Int]
        let average: String
        let findings: String
        let recommendations: String
        let evaluator: String
        let date: String
    }

    struct PledgeLine: Encodable {
        let company: String
        let kind: String
        let value: String
        let fulfilment: String
        let state: String
    }

    struct CooperationLine: Encodable {
        let partner: LocalizedText
        let nature: String
        let description: String
        let since: String
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await renderShow(req, formName: "", form: .empty)
    }

    func renderShow(_ req: Request, formName: String, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let project = try await ProjectsAPIController.find(req)
        let dto = try await ProjectDTO.load(project, on: req.db, now: req.now, reader: req.reader)
        let user = req.currentUser
        let reference = try await req.referenceData()
        var owner = false
        if let user {
            owner = user.may(.reviewProjects)
            if !owner { owner = try await Representation.represents(userID: user.id, organizationID: project.organizationID, on: req.db) }
        }
        var actions: [String] = []
        if let user {
            actions = ProjectWorkflows.project.actions(from: project.state, for: user).map(\.action)
                .filter { !ProjectWorkflows.ownerActions.contains($0) || owner }.filter { $0 != "evaluate" }
        }
        let companies = try await Organization.query(on: req.db).filter(\.$id ~~ Set(dto.pledges.map(\.companyID))).all()
        let companyNames = Dictionary(uniqueKeysWithValues: companies.compactMap { company in
            company.id.map { ($0, company.name.resolve(in: req.language).text) }
        })
        let context = ShowContext(
            page: try await PageMeta.make(for: req, titleKey: "projects.show_title", project.title.resolve(in: req.language).text),
            project: dto, title: LocalizedText(project.title, in: req.language),
            summary: LocalizedText(project.summary, in: req.language),
            socialNeed: LocalizedText(project.socialNeed, in: req.language),
            organization: LocalizedText(dto.organization.name, in: req.language),
            wilaya: reference.wilaya(project.wilayaCode)?.name(in: req.language) ?? project.wilayaCode,
            domain: reference.domains.first { $0.code == project.domainCode }?.name.resolve(in: req.language).text ?? project.domainCode,
            budget: Choices.money(project.budgetMinor, project.currency, req),
            funding: project.funding.map { "\($0.source): \(Choices.money($0.amountMinor, project.currency, req))" },
            revenue: Choices.money(dto.totals.revenueMinor, project.currency, req), actions: actions,
            canReport: owner && ReportService.reportingStates.contains(project.state),
            canEvaluate: user?.may(.evaluateProjects) == true
                && [.inProgress, .suspended, .completed].contains(project.state),
            formName: formName, form: form,
            categories: Choices.enumeration(DifficultyCategory.self, key: "difficulty.category", req,
                                            selected: form.values["category"]),
            severities: Choices.enumeration(DifficultySeverity.self, key: "difficulty.severity", req,
                                            selected: form.values["severity"]),
            phases: Choices.enumeration(EvaluationPhase.self, key: "evaluation.phase", req, selected: form.values["phase"]),
            criteria: DACCriterion.allCases.map(\.rawValue), scale: Array(EvaluationScale.range),
            pledges: dto.pledges.map {
                PledgeLine(company: companyNames[$0.companyID] ?? "", kind: $0.kind, value: Choices.money($0.valueMinor, $0.currency, req),
                           fulfilment: String(format: "%.0f%%", $0.fulfilment), state: $0.state)
            },
            cooperation: dto.cooperation.map {
                CooperationLine(partner: LocalizedText($0.partner, in: req.language), nature: $0.nature,
                                description: $0.description, since: $0.since)
            },
            evaluations: dto.evaluations.map { evaluation in
                EvaluationLine(phase: evaluation.phase, scores: DACCriterion.allCases.map { evaluation.scores[$0.rawValue] ?? 0 },
                               average: String(format: "%.2f", evaluation.average), findings: evaluation.findings,
                               recommendations: evaluation.recommendations, evaluator: evaluation.evaluator,
                               date: evaluation.evaluatedOn)
            },
            procedure: ProcedureLine.lines(ProjectWorkflows.project, req),
            scoreFields: DACCriterion.allCases.map { criterion in
                let name = "score_" + criterion.rawValue
                let mine = formName == "evaluation"
                return ScoreField(name: name, criterion: criterion.rawValue, value: mine ? form.values[name] ?? "" : "",
                                  error: mine ? form.errors[name] : nil)
            },
            jobs: Self.jobsFieldsets(req, formName: formName, form: form))
        return try await req.render("projects/show", context, status: status)
    }

    func backToProject(_ req: Request, _ project: Project, anchor: String = "") -> Response {
        req.seeOther(ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug + anchor)
    }

    @Sendable func transition(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        try await ProjectService.transition(project, action: req.formField("action"), reason: req.formField("reason"), by: user,
                                            on: req.db, now: req.now, catalog: req.application.catalog,
                                            baseURL: req.application.shabakaConfig.baseURL)
        return backToProject(req, project)
    }

    static let jobGroups = ["f", "m", "under_18", "18_24", "25_34", "35_plus"]
    static let reportFields = ["period", "narrative", "milestones", "beneficiaries", "revenue", "volunteers"]
        + ["jobs_created", "jobs_sustained"].flatMap { prefix in jobGroups.map { prefix + "_" + $0 } }

    /// Jobs typed by sex (their sum is the total) and, optionally, by age group.
    static func jobs(_ prefix: String, _ req: Request, into errors: inout [FieldError]) -> (Int, Breakdown) {
        var bySex: [String: Double] = [:], byAge: [String: Double] = [:]
        for sex in ["f", "m"] {
            let field = prefix + "_" + sex
            bySex[sex] = Double(FormNumbers.integer(req.formField(field), field: field, default: 0, into: &errors) ?? 0)
        }
        for group in jobGroups.dropFirst(2) {
            let field = prefix + "_" + group
            if !req.formField(field).isEmpty {
                byAge[group] = Double(FormNumbers.integer(req.formField(field), field: field, into: &errors) ?? 0)
            }
        }
        return (Int(bySex.values.reduce(0, +)), byAge.isEmpty ? ["sex": bySex] : ["sex": bySex, "age_group": byAge])
    }

    /// The inputs of one jobs figure (by sex, then by age group) with what was typed and its error.
    struct JobsFieldset: Encodable {
        struct Input: Encodable {
            let name: String
            let label: String
            let value: String
            let error: String?
        }
        let legend: String
        let inputs: [Input]
    }

    static func jobsFieldsets(_ req: Request, formName: String, form: FormState) -> [JobsFieldset] {
        let labels = ["f": "projects.women", "m": "projects.men", "under_18": "projects.age_under_18",
                      "18_24": "projects.age_18_24", "25_34": "projects.age_25_34", "35_plus": "projects.age_35_plus"]
        return ["jobs_created", "jobs_sustained"].map { prefix in
            JobsFieldset(legend: req.t("projects." + prefix), inputs: jobGroups.map { group in
                let name = prefix + "_" + group, mine = formName == "report"
                return .init(name: name, label: req.t(labels[group] ?? ""), value: mine ? form.values[name] ?? "" : "",
                             error: mine ? form.errors[name] : nil)
            })
        }
    }

    @Sendable func fileReport(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        try await ReportService.requireReporter(user, of: project, on: req.db)
        var errors: [FieldError] = []
        var input = ReportInput()
        input.period = req.formField("period")
        input.narrative = req.formField("narrative")
        input.milestones = req.formField("milestones")
        (input.jobsCreated, input.jobsCreatedBreakdown) = Self.jobs("jobs_created", req, into: &errors)
        (input.jobsSustained, input.jobsSustainedBreakdown) = Self.jobs("jobs_sustained", req, into: &errors)
        input.beneficiaries = FormNumbers.integer(req.formField("beneficiaries"), field: "beneficiaries", default: 0, into: &errors)
        input.revenueMinor = req.formField("revenue").isEmpty ? 0
            : FormNumbers.minor(req.formField("revenue"), field: "revenue", into: &errors)
        input.volunteers = FormNumbers.integer(req.formField("volunteers"), field: "volunteers", default: 0, into: &errors)
        do {
            guard errors.isEmpty else { throw ValidationFailure(errors + ReportService.validate(input, now: req.now).1) }
            _ = try await ReportService.file(input, for: project, by: user, on: req.db, now: req.now)
            return backToProject(req, project, anchor: "#reports")
        } catch let failure as ValidationFailure {
            let renamed = failure.fieldErrors.map { error -> FieldError in
                let field = ["jobs_created_breakdown.age_group": "jobs_created_under_18",
                             "jobs_sustained_breakdown.age_group": "jobs_sustained_under_18",
                             "jobs_created": "jobs_created_f", "jobs_created_breakdown.sex": "jobs_created_f",
                             "jobs_sustained": "jobs_sustained_f", "jobs_sustained_breakdown.sex": "jobs_sustained_f",
                             "revenue_minor": "revenue"][error.field] ?? error.field
                return error.renamed(field)
            }
            return try await renderShow(req, formName: "report", form: Self.formState(req, Self.reportFields, renamed),
                                        status: .unprocessableEntity)
        } catch let conflict as ProjectsError where conflict.status == .conflict {
            // A report for that period exists already: say so on the form, with what was typed kept.
            return try await renderShow(req, formName: "report", form: Self.formState(req, Self.reportFields,
                                                                                      conflict.fieldErrors,
                                                                                      message: Self.text(of: conflict, req)),
                                        status: .conflict)
        }
    }

    static func text(of error: ProjectsError, _ req: Request) -> String {
        req.application.catalog.text(error.messageKey, in: req.language, arguments: error.messageArguments)
    }

    static func formState(_ req: Request, _ fields: [String], _ errors: [FieldError], message: String? = nil) -> FormState {
        FormState(values: fields.reduce(into: [String: String]()) { $0[$1] = req.formField($1) }, fieldErrors: errors, on: req,
                  message: message)
    }

    @Sendable func reportDifficulty(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        var input = DifficultyInput()
        input.category = req.formField("category")
        input.severity = req.formField("severity")
        input.title = req.formField("title")
        input.description = req.formField("description")
        do {
            let difficulty = try await DifficultyService.report(input, on: project, by: user, db: req.db, now: req.now,
                                                                messaging: req.messaging)
            return req.seeOther(ProjectsSiteURL.difficulties.path(in: req.language) + "/" + (try difficulty.requireID()).uuidString)
        } catch let failure as ValidationFailure {
            return try await renderShow(req, formName: "difficulty",
                                        form: Self.formState(req, ["category", "severity", "title", "description"], failure.fieldErrors),
                                        status: .unprocessableEntity)
        }
    }

    @Sendable func evaluate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        var errors: [FieldError] = []
        var input = EvaluationInput()
        input.phase = req.formField("phase")
        var scores: [String: Int] = [:]
        for criterion in DACCriterion.allCases {
            let raw = req.formField("score_" + criterion.rawValue)
            if let score = FormNumbers.integer(raw, field: "scores." + criterion.rawValue, into: &errors) {
                scores[criterion.rawValue] = score
            }
        }
        input.scores = scores
        input.findings = req.formField("findings")
        input.recommendations = req.formField("recommendations")
        do {
            guard errors.isEmpty else { throw ValidationFailure(errors + EvaluationService.validate(input, now: req.now).1) }
            _ = try await EvaluationService.record(input, for: project, by: user, on: req.db, now: req.now)
            return backToProject(req, project, anchor: "#evaluations")
        } catch let failure as ValidationFailure {
            let renamed = failure.fieldErrors.map {
                $0.renamed($0.field.replacingOccurrences(of: "scores.", with: "score_"))
            }
            let fields = ["phase", "findings", "recommendations"] + DACCriterion.allCases.map { "score_" + $0.rawValue }
            return try await renderShow(req, formName: "evaluation", form: Self.formState(req, fields, renamed),
                                        status: .unprocessableEntity)
        } catch let conflict as ProjectsError where conflict.status == .conflict {
            let fields = ["phase", "findings", "recommendations"] + DACCriterion.allCases.map { "score_" + $0.rawValue }
            let form = Self.formState(req, fields, conflict.fieldErrors,
                                      message: Self.text(of: conflict, req))
            return try await renderShow(req, formName: "evaluation", form: form, status: .conflict)
        }
    }
}
