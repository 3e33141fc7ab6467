import Directory
import Fluent
import Platform
import Vapor

/// One `<option>`: rendered by `#options(list)`.
struct Choice: Encodable {
    let value: String
    let label: String
    let selected: Bool
}

enum Choices {
    static func wilayas(_ req: Request, selected: String?) async throws -> [Choice] {
        try await req.referenceData().wilayas.map {
            Choice(value: $0.code, label: "\($0.code) — \($0.name(in: req.language))", selected: $0.code == selected)
        }
    }

    static func domains(_ req: Request, selected: String?) async throws -> [Choice] {
        try await req.referenceData().domains.map {
            Choice(value: $0.code, label: $0.name.resolve(in: req.language).text, selected: $0.code == selected)
        }
    }

    static func enumeration<E: CaseIterable & RawRepresentable>(_ type: E.Type, key: String, _ req: Request, selected: String?)
        -> [Choice] where E.RawValue == String
    {
        E.allCases.map { Choice(value: $0.rawValue, label: req.t("\(key).\($0.rawValue)"), selected: $0.rawValue == selected) }
    }

    static func money(_ minor: Int64, _ currency: String) -> String {
        let units = minor / 100, cents = abs(minor % 100)
        let grouped = String(units).reversed().enumerated().map { $0.offset > 0 && $0.offset % 3 == 0 ? "\($0.element)\u{202F}" : "\($0.element)" }
            .reduce("") { $1 + $0 }
        return cents == 0 ? "\(grouped) \(currency)" : "\(grouped),\(String(format: "%02d", cents)) \(currency)"
    }
}

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

    struct ComparedLine: Encodable {
        let slug: String
        let title: LocalizedText
        let phase: String
        let scores: [Int]
        let average: String
        let date: String
    }

    struct EvaluationsContext: Encodable {
        let page: PageMeta
        let phases: [Choice]
        let criteria: [String]
        let lines: [ComparedLine]
        let total: Int
        let pagination: PaginationView
    }

    /// Evaluations side by side: the same six criteria on the same scale, best average first.
    @Sendable func evaluations(req: Request) async throws -> Response {
        var errors: [FieldError] = []
        let raw = req.query[String.self, at: "phase"] ?? ""
        let phase = raw.isEmpty ? nil : Validate.choice(raw, field: "phase", as: EvaluationPhase.self, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let pageQuery = try PageQuery(from: req)
        var query = Evaluation.query(on: req.db)
        if let phase { query = query.filter(\.$phase == phase) }
        let all = try await query.all().sorted { $0.average > $1.average }
        let slice = Array(all.dropFirst(pageQuery.offset).prefix(pageQuery.size))
        let projects = try await Project.query(on: req.db).filter(\.$id ~~ Set(slice.map(\.projectID))).all()
        let byID = Dictionary(uniqueKeysWithValues: projects.compactMap { project in project.id.map { ($0, project) } })
        return try await req.render("projects/evaluations", EvaluationsContext(
            page: try await PageMeta.make(for: req, titleKey: "evaluations.title"),
            phases: Choices.enumeration(EvaluationPhase.self, key: "evaluation.phase", req, selected: phase?.rawValue),
            criteria: DACCriterion.allCases.map(\.rawValue),
            lines: slice.map { evaluation in
                ComparedLine(slug: byID[evaluation.projectID]?.slug ?? "",
                             title: LocalizedText(byID[evaluation.projectID]?.title ?? Translated(), in: req.language),
                             phase: evaluation.phase.rawValue,
                             scores: DACCriterion.allCases.map { evaluation.scores[$0.rawValue] ?? 0 },
                             average: String(format: "%.2f", evaluation.average), date: evaluation.evaluatedOn)
            },
            total: all.count,
            pagination: PaginationView(request: pageQuery, total: all.count, path: req.url.path, query: ["phase": raw])))
    }

    struct Card: Encodable {
        let slug: String
        let title: LocalizedText
        let state: String
        let wilaya: String
        let domain: String
        let budget: String
    }

    struct ListContext: Encodable {
        let page: PageMeta
        let filter: [String: String]
        let states: [Choice]
        let wilayas: [Choice]
        let domains: [Choice]
        let projects: [Card]
        let total: Int
        let pagination: PaginationView
        let canCreate: Bool
    }

    @Sendable func list(req: Request) async throws -> Response {
        let filter = try await ProjectFilter.from(req)
        let pageQuery = try PageQuery(from: req)
        let (rows, total) = try await filter.page(pageQuery, on: req.db)
        let reference = try await req.referenceData()
        let domainNames = Dictionary(uniqueKeysWithValues: reference.domains.map { ($0.code, $0.name.resolve(in: req.language).text) })
        let cards = rows.map {
            Card(slug: $0.slug, title: LocalizedText($0.title, in: req.language), state: $0.state,
                 wilaya: reference.wilaya($0.wilayaCode)?.name(in: req.language) ?? $0.wilayaCode,
                 domain: domainNames[$0.domainCode] ?? $0.domainCode, budget: Choices.money($0.budgetMinor, $0.currency))
        }
        return try await req.render("projects/list", ListContext(
            page: try await PageMeta.make(for: req, titleKey: "projects.title"), filter: filter.parameters,
            states: Choices.enumeration(ProjectState.self, key: "workflow.project.state", req, selected: filter.state?.rawValue),
            wilayas: try await Choices.wilayas(req, selected: filter.wilaya),
            domains: try await Choices.domains(req, selected: filter.domain), projects: cards, total: total,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path, query: filter.parameters),
            canCreate: req.currentUser?.may(.submitProjects) == true))
    }

    // MARK: new project

    struct NewContext: Encodable {
        let page: PageMeta
        let form: FormState
        let organizations: [Choice]
        let wilayas: [Choice]
        let domains: [Choice]
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
                organization.id.map { Choice(value: $0.uuidString, label: organization.name.resolve(in: req.language).text,
                                             selected: $0.uuidString == selected) }
            },
            wilayas: try await Choices.wilayas(req, selected: form.values["wilaya_code"]),
            domains: try await Choices.domains(req, selected: form.values["domain_code"])), status: status)
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
        input.budgetMinor = WebNumbers.minor(req.formField("budget"), field: "budget", into: &errors)
        input.funding = WebNumbers.funding(req.formField("funding"), into: &errors)
        input.partners = req.formField("partners")
        input.startsOn = req.formField("starts_on")
        input.endsOn = req.formField("ends_on")
        input.expectedJobs = WebNumbers.integer(req.formField("expected_jobs"), field: "expected_jobs", into: &errors)
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
        let categories: [Choice]
        let severities: [Choice]
        let phases: [Choice]
        let criteria: [String]
        let scale: [Int]
        let pledges: [PledgeLine]
        let cooperation: [CooperationLine]
        let evaluations: [EvaluationLine]
        let procedure: [ProcedureLine]
        let scoreFields: [ScoreField]
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
        try await DifficultyService.escalateOverdue(on: req.db, now: req.now, messaging: req.messaging)
        let project = try await ProjectsAPIController.find(req)
        let dto = try await ProjectDTO.load(project, on: req.db, now: req.now)
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
            budget: Choices.money(project.budgetMinor, project.currency),
            funding: project.funding.map { "\($0.source): \(Choices.money($0.amountMinor, project.currency))" },
            revenue: Choices.money(dto.totals.revenueMinor, project.currency), actions: actions,
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
                PledgeLine(company: companyNames[$0.companyID] ?? "", kind: $0.kind, value: Choices.money($0.valueMinor, $0.currency),
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
            })
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

    static let reportFields = ["period", "narrative", "milestones", "jobs_created_f", "jobs_created_m", "jobs_created_under_18",
                               "jobs_created_18_24", "jobs_created_25_34", "jobs_created_35_plus", "jobs_sustained",
                               "beneficiaries", "revenue", "volunteers"]

    @Sendable func fileReport(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        try await ReportService.requireReporter(user, of: project, on: req.db)
        var errors: [FieldError] = []
        var input = ReportInput()
        input.period = req.formField("period")
        input.narrative = req.formField("narrative")
        input.milestones = req.formField("milestones")
        var bySex: [String: Double] = [:], byAge: [String: Double] = [:]
        for sex in ["f", "m"] {
            bySex[sex] = Double(WebNumbers.integer(req.formField("jobs_created_" + sex), field: "jobs_created_" + sex,
                                                   default: 0, into: &errors) ?? 0)
        }
        for group in ["under_18", "18_24", "25_34", "35_plus"] {
            let field = "jobs_created_" + group
            if !req.formField(field).isEmpty {
                byAge[group] = Double(WebNumbers.integer(req.formField(field), field: field, into: &errors) ?? 0)
            }
        }
        input.jobsCreated = Int(bySex.values.reduce(0, +))
        input.jobsCreatedBreakdown = byAge.isEmpty ? ["sex": bySex] : ["sex": bySex, "age_group": byAge]
        input.jobsSustained = WebNumbers.integer(req.formField("jobs_sustained"), field: "jobs_sustained", default: 0, into: &errors)
        input.beneficiaries = WebNumbers.integer(req.formField("beneficiaries"), field: "beneficiaries", default: 0, into: &errors)
        input.revenueMinor = req.formField("revenue").isEmpty ? 0
            : WebNumbers.minor(req.formField("revenue"), field: "revenue", into: &errors)
        input.volunteers = WebNumbers.integer(req.formField("volunteers"), field: "volunteers", default: 0, into: &errors)
        do {
            guard errors.isEmpty else { throw ValidationFailure(errors + ReportService.validate(input, now: req.now).1) }
            _ = try await ReportService.file(input, for: project, by: user, on: req.db, now: req.now)
            return backToProject(req, project, anchor: "#reports")
        } catch let failure as ValidationFailure {
            let renamed = failure.fieldErrors.map { error -> FieldError in
                let field = error.field == "jobs_created_breakdown.age_group" ? "jobs_created_under_18"
                    : error.field == "revenue_minor" ? "revenue" : error.field
                return error.renamed(field)
            }
            return try await renderShow(req, formName: "report", form: Self.formState(req, Self.reportFields, renamed),
                                        status: .unprocessableEntity)
        }
    }

    static func formState(_ req: Request, _ fields: [String], _ errors: [FieldError]) -> FormState {
        FormState(values: fields.reduce(into: [String: String]()) { $0[$1] = req.formField($1) }, fieldErrors: errors, on: req)
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
            if let score = WebNumbers.integer(raw, field: "scores." + criterion.rawValue, into: &errors) {
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
        }
    }
}

/// One step of a procedure as pages show it: what, from which states, who may take it, whether a reason is needed.
struct ProcedureLine: Encodable {
    let action: String
    let from: String
    let roles: String
    let reason: Bool

    static func lines<State: WorkflowState>(_ workflow: Workflow<State>, _ req: Request) -> [ProcedureLine] {
        let separator = req.t("list.separator")
        return workflow.transitions.map { transition in
            ProcedureLine(
                action: transition.action,
                from: State.allCases.filter { transition.from.contains($0) }
                    .map { req.t("workflow.\(workflow.name).state.\($0.rawValue)") }.joined(separator: separator),
                roles: AccessPolicy.roles(granting: transition.permission).filter { $0 != .admin }
                    .map { req.t("role." + $0.rawValue) }.joined(separator: separator),
                reason: transition.requiresReason)
        }
    }
}

/// Numbers typed in forms: whole numbers, and amounts in currency units ("1500000" or "1 500 000,50").
enum WebNumbers {
    /// Form integers are counts: 0 to 10,000,000.
    static let maximum = 10_000_000

    static func integer(_ raw: String, field: String, default value: Int? = nil, into errors: inout [FieldError]) -> Int? {
        let text = raw.filter { !$0.isWhitespace }
        if text.isEmpty {
            if value == nil { errors.append(FieldError(field, "validation.required")) }
            return value
        }
        guard let number = Int(text.arabicDigitsToLatin) else {
            errors.append(FieldError(field, "validation.number"))
            return value
        }
        guard (0...maximum).contains(number) else {
            errors.append(FieldError(field, "validation.range", "0", "\(maximum)"))
            return value
        }
        return number
    }

    static func minor(_ raw: String, field: String, into errors: inout [FieldError]) -> Int64? {
        let text = raw.filter { !$0.isWhitespace && $0 != "\u{202F}" }.arabicDigitsToLatin.replacingOccurrences(of: ",", with: ".")
        if text.isEmpty {
            errors.append(FieldError(field, "validation.required"))
            return nil
        }
        guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), decimal >= 0,
              decimal < 10_000_000_000_000 else {
            errors.append(FieldError(field, "validation.number"))
            return nil
        }
        var cents = decimal * 100, rounded = Decimal()
        NSDecimalRound(&rounded, &cents, 0, .plain)
        return Int64(truncating: rounded as NSDecimalNumber)
    }

    /// One source per line: `name: amount`.
    static func funding(_ raw: String, into errors: inout [FieldError]) -> [FundingSource] {
        var sources: [FundingSource] = []
        for line in raw.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else {
                errors.append(FieldError("funding", "validation.funding_line"))
                continue
            }
            var lineErrors: [FieldError] = []
            let amount = minor(String(parts[1]), field: "funding", into: &lineErrors)
            if let amount, lineErrors.isEmpty {
                sources.append(FundingSource(source: parts[0].trimmingCharacters(in: .whitespaces), amountMinor: amount))
            } else { errors.append(FieldError("funding", "validation.funding_line")) }
        }
        return sources
    }
}

extension String {
    /// "١٢٣" → "123" (Arabic-Indic and Eastern Arabic-Indic digits, as phones type them).
    var arabicDigitsToLatin: String {
        String(unicodeScalars.map { scalar -> Character in
            switch scalar.value {
            case 0x0660...0x0669: Character(UnicodeScalar(scalar.value - 0x0660 + 48)!)
            case 0x06F0...0x06F9: Character(UnicodeScalar(scalar.value - 0x06F0 + 48)!)
            default: Character(scalar)
            }
        })
    }
}

extension Translated {
    /// A text typed in one language.
    init(_ language: SiteLanguage, _ text: String) {
        switch language {
        case .ar: self.init(ar: text)
        case .fr: self.init(fr: text)
        case .en: self.init(en: text)
        }
    }
}
