import Platform
import Projects
import Vapor

/// The organiser's page that makes a funded project of the election a draft project of the Projects room.
struct FundedProjectPageContext: Encodable {
    let page: PageMeta
    let number: Int
    let projectTitle: String
    let cost: String
    let lang: String
    let dir: String
    let fields: ProjectFieldsView
    let action: String
    let back: String

    static func make(_ election: BudgetElection, _ funded: ElectionProject, form: FormState, _ req: Request) async throws
        -> FundedProjectPageContext
    {
        let path = ElectionPageContext.path(election, req)
        return FundedProjectPageContext(
            page: try await PageMeta.make(for: req, titleKey: "election.funded_project_title", funded.title),
            number: funded.number, projectTitle: funded.title, cost: ElectionPageContext.money(funded.cost, req),
            lang: election.textLanguage.rawValue, dir: election.textLanguage.direction,
            fields: try await ProjectFieldsView.make(form.values.isEmpty ? form.showing(["budget_minor": "\(funded.cost)"]) : form,
                                                     domain: funded.domainCode, wilaya: funded.wilayaCode, req),
            action: path + "/projects/\(funded.number)/project", back: path + "/results")
    }
}

extension ElectionsWebController {
    /// The funded project of the route, for an organiser of the election.
    func funded(_ req: Request) async throws -> (BudgetElection, ElectionProject) {
        let user = try req.requireUser()
        let election = try await ElectionsAPIController.election(req)
        try await ElectionAuthoring.requireOrganizer(user, of: election, on: req.db)
        let funded = try await FundedProjects.funded(election, number: try ElectionsAPIController.number(req), on: req.db,
                                                     now: req.now)
        return (election, funded)
    }

    @Sendable func fundedForm(req: Request) async throws -> Response {
        let (election, funded) = try await funded(req)
        if let made = funded.projectID, let project = try await Project.find(made, on: req.db) {
            return req.seeOther(ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug)
        }
        return try await req.render("participation/election-funded-project",
                                    try await FundedProjectPageContext.make(election, funded, form: .empty, req))
    }

    @Sendable func makeFundedProject(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (election, funded) = try await funded(req)
        return try await req.submitting {
            // `funded(req)` has checked the organiser and that the project is funded.
            let project = try await FundedProjects.makeProject(election, funded: funded,
                                                               try req.input(ProjectFromProposalForm.self), by: user,
                                                               on: req.db, now: req.now)
            return req.seeOther(ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug)
        } refused: { form in
            try await req.render("participation/election-funded-project",
                                 try await FundedProjectPageContext.make(election, funded, form: form, req))
        }
    }
}
