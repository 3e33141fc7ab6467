import Directory
import Fluent
import Platform
import Vapor

extension ProjectPageContext {
    static let jobGroups = [("sex", "f"), ("sex", "m"), ("age_group", "under_18"), ("age_group", "18_24"),
                            ("age_group", "25_34"), ("age_group", "35_plus")]

    /// The page of `project` as the request's reader sees it, with the forms in `forms`.
    static func make(_ project: Project, forms: ProjectPageForms, _ req: Request) async throws -> ProjectPageContext {
        let dto = try await ProjectDTO.load(project, on: req.db, now: req.now, reader: req.reader)
        let user = req.currentUser
        let reference = try await req.referenceData()
        var owner = false
        if let user {
            owner = user.may(.reviewProjects)
            if !owner {
                owner = try await Representation.represents(userID: user.id, organizationID: project.organizationID,
                                                            on: req.db)
            }
        }
        let actions = user.map { user in
            ProjectWorkflows.project.actions(from: project.state, for: user).map(\.action)
                .filter { !ProjectWorkflows.ownerActions.contains($0) || owner }.filter { $0 != "evaluate" }
        } ?? []
        let companies = try await Organization.query(on: req.db).filter(\.$id ~~ Set(dto.pledges.map(\.companyID))).all()
        let companyNames = Dictionary(uniqueKeysWithValues: companies.compactMap { company in
            company.id.map { ($0, company.name.resolve(in: req.language).text) }
        })
        let money = { (minor: Int64) in Choices.money(minor, project.currency, req) }
        let page = try await PageMeta.make(for: req, titleKey: "projects.show_title", project.title.resolve(in: req.language).text)
        let mayReadDocuments = try await ProjectsAttachments.mayRead(user, project: project, on: req.db)
        let documents = mayReadDocuments ? try await AttachmentStore.list("report", dto.reports.map(\.id), on: req.db) : []
        return ProjectPageContext(
            page: page,
            project: dto, title: LocalizedText(project.title, in: req.language),
            summary: LocalizedText(project.summary, in: req.language),
            socialNeed: LocalizedText(project.socialNeed, in: req.language),
            organization: LocalizedText(dto.organization.name, in: req.language),
            wilaya: reference.wilaya(project.wilayaCode)?.name(in: req.language) ?? project.wilayaCode,
            domain: reference.domains.first { $0.code == project.domainCode }?.name.resolve(in: req.language).text
                ?? project.domainCode,
            budget: money(project.budgetMinor), funding: project.funding.map { ProjectPageContext.FundingLine(source: $0.source, amount: money($0.amountMinor)) },
            revenue: money(dto.totals.revenueMinor),
            latestPeriod: dto.totals.latestPeriod.map { PeriodText.words($0, in: req.language, catalog: req.application.catalog) }
                ?? "",
            actions: actions,
            steps: WorkflowStepForms.make(ProjectWorkflows.project, actions: actions,
                                          url: ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug
                                              + "/transitions",
                                          id: "step", sent: forms.step, style: .init(optionalReason: true, inline: true),
                                          csrf: page.csrf, req),
            canReport: owner && ReportService.reportingStates.contains(project.state),
            canEdit: owner && project.state == .draft,
            reportDocuments: mayReadDocuments ? dto.reports.map {
                .init(period: $0.period, attachments: .make("report", $0.id, attachments: documents, canAttach: owner,
                                                            page: page, req))
            } : [],
            canEvaluate: user?.may(.evaluateProjects) == true && [.inProgress, .suspended, .completed].contains(project.state),
            reportForm: forms.report, difficultyForm: forms.difficulty.prefixed("difficulty-"),
            evaluationForm: forms.evaluation,
            categories: ChoiceOption.cases(DifficultyCategory.self, key: "difficulty.category",
                                            selected: forms.difficulty.values["category"], req),
            severities: ChoiceOption.cases(DifficultySeverity.self, key: "difficulty.severity",
                                            selected: forms.difficulty.values["severity"], req),
            phases: ChoiceOption.cases(EvaluationPhase.self, key: "evaluation.phase",
                                        selected: forms.evaluation.values["phase"], req),
            criteria: DACCriterion.allCases.map(\.rawValue), scale: Array(EvaluationScale.range),
            pledges: dto.pledges.map {
                PledgeLine(company: companyNames[$0.companyID] ?? "", kind: $0.kind, value: Choices.money($0.valueMinor, $0.currency, req),
                           fulfilment: $0.fulfilment, state: $0.state)
            },
            cooperation: dto.cooperation.map {
                CooperationLine(partner: LocalizedText($0.partner, in: req.language), nature: $0.nature,
                                description: $0.description, since: $0.since)
            },
            evaluations: dto.evaluations.map { evaluation in
                EvaluationLine(phase: evaluation.phase,
                               scores: DACCriterion.allCases.map { evaluation.scores[$0.rawValue] ?? 0 },
                               average: String(format: "%.2f", evaluation.average), findings: evaluation.findings,
                               recommendations: evaluation.recommendations, evaluator: evaluation.evaluator,
                               date: evaluation.evaluatedOn)
            },
            procedure: ProcedureLine.lines(ProjectWorkflows.project, req),
            scoreFields: DACCriterion.allCases.map { criterion in
                let key = "scores_" + criterion.rawValue
                return ScoreField(id: key, name: "scores[\(criterion.rawValue)]", criterion: criterion.rawValue,
                                  value: forms.evaluation.values[key] ?? "", error: forms.evaluation.fieldError(key))
            },
            jobs: jobsFieldsets(forms.report, req))
    }

    static func jobsFieldsets(_ form: FormState, _ req: Request) -> [JobsFieldset] {
        let labels = ["f": "projects.women", "m": "projects.men", "under_18": "projects.age_under_18",
                      "18_24": "projects.age_18_24", "25_34": "projects.age_25_34", "35_plus": "projects.age_35_plus"]
        return ["jobs_created", "jobs_sustained"].map { total in
            let field = total + "_breakdown"
            // A dimension that does not add up to the total is a rule over several inputs, none of them wrong by
            // itself: the form's error summary says so, no input is marked for it.
            return JobsFieldset(legend: req.t("projects." + total), inputs: jobGroups.map { dimension, group in
                let key = "\(field)_\(dimension)_\(group)"
                return .init(id: key, name: "\(field)[\(dimension)][\(group)]", label: req.t(labels[group] ?? ""),
                             value: form.values[key] ?? "", error: form.fieldError(key))
            })
        }
    }
}
