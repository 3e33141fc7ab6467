import Directory
import Fluent
import Platform
import Vapor

/// The two list pages: projects (with filters) and evaluations compared across projects.
extension ProjectsWebController {

    /// Evaluations side by side: the same six criteria on the same scale, best average first.
    @Sendable func evaluations(req: Request) async throws -> Response {
        let phase = try WorkQueries.evaluationPhase(req)
        let pageQuery = try PageQuery(from: req)
        let (slice, total) = try await WorkQueries.evaluations(phase: phase, page: pageQuery, on: req.db)
        let projects = try await Project.query(on: req.db).filter(\.$id ~~ Set(slice.map(\.projectID))).all()
        let byID = Dictionary(uniqueKeysWithValues: projects.compactMap { project in project.id.map { ($0, project) } })
        return try await req.render("projects/evaluations", EvaluationsContext(
            page: try await PageMeta.make(for: req, titleKey: "evaluations.title"),
            phases: ChoiceOption.cases(EvaluationPhase.self, key: "evaluation.phase", selected: phase?.rawValue, req),
            criteria: DACCriterion.allCases.map(\.rawValue),
            lines: slice.map { evaluation in
                ComparedLine(id: evaluation.id?.uuidString ?? "", slug: byID[evaluation.projectID]?.slug ?? "",
                             title: LocalizedText(byID[evaluation.projectID]?.title ?? Translated(), in: req.language),
                             phase: evaluation.phase.rawValue,
                             scores: DACCriterion.allCases.map { evaluation.scores[$0.rawValue] ?? 0 },
                             average: String(format: "%.2f", evaluation.average), date: evaluation.evaluatedOn)
            },
            total: total,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path,
                                       query: ["phase": phase?.rawValue ?? ""])))
    }

    @Sendable func list(req: Request) async throws -> Response {
        let filter = try await ProjectFilter.from(req)
        let pageQuery = try PageQuery(from: req)
        let (rows, total) = try await filter.page(pageQuery, viewer: req.currentUser, on: req.db)
        let reference = try await req.referenceData()
        let domainNames = Dictionary(uniqueKeysWithValues: reference.domains.map { ($0.code, $0.name.resolve(in: req.language).text) })
        let cards = rows.map {
            Card(id: $0.id.uuidString, slug: $0.slug, title: LocalizedText($0.title, in: req.language), state: $0.state,
                 wilaya: reference.wilaya($0.wilayaCode)?.name(in: req.language) ?? $0.wilayaCode,
                 domain: domainNames[$0.domainCode] ?? $0.domainCode, budget: Choices.money($0.budgetMinor, $0.currency, req))
        }
        return try await req.render("projects/list", ListContext(
            page: try await PageMeta.make(for: req, titleKey: "projects.title"), filter: filter.parameters,
            states: ChoiceOption.cases(ProjectState.self, key: "workflow.project.state", selected: filter.state?.rawValue, req),
            wilayas: try await Options.wilayas(req, selected: filter.wilaya),
            domains: try await Options.domains(req, selected: Set([filter.domain].compactMap { $0 })), projects: cards, total: total,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path, query: filter.parameters),
            canCreate: req.currentUser?.may(.submitProjects) == true))
    }
}
