import Fluent
import Platform
import Vapor

extension ProjectService {
    /// The association's representatives (or staff) correct a project while it is a draft: the fields given replace
    /// the current ones (a text in one language leaves the others as they were); its address and its association
    /// stay. Kept in the history as `edit`.
    public static func update(_ project: Project, with input: ProjectInput, by user: CurrentUser, on db: any Database,
                              now: Date) async throws {
        try await ProjectsPolicy.requireOwner(user, of: project.organizationID, on: db)
        guard project.state == .draft else { throw ProjectsError.notADraft }
        var merged = input
        merged.slug = nil
        merged.organizationID = project.organizationID
        func overlay(_ new: Translated?, _ old: Translated) -> Translated {
            guard let new else { return old }
            return Translated(ar: Validate.trimmed(new.ar) ?? old.ar, fr: Validate.trimmed(new.fr) ?? old.fr,
                              en: Validate.trimmed(new.en) ?? old.en)
        }
        merged.title = overlay(input.title, project.title)
        merged.summary = overlay(input.summary, project.summary)
        merged.socialNeed = overlay(input.socialNeed, project.socialNeed)
        merged.beneficiaries = input.beneficiaries ?? project.beneficiaries
        merged.partners = input.partners ?? project.partners
        merged.domainCode = input.domainCode ?? project.domainCode
        merged.wilayaCode = input.wilayaCode ?? project.wilayaCode
        merged.budgetMinor = input.budgetMinor ?? project.budgetMinor
        merged.currency = input.currency ?? project.currency
        merged.funding = input.funding ?? project.funding
        merged.startsOn = input.startsOn ?? project.startsOn
        merged.endsOn = input.endsOn ?? project.endsOn
        merged.expectedJobs = input.expectedJobs ?? project.expectedJobs
        let (checked, errors) = try await validate(merged, on: db)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        project.title = checked.title
        project.summary = checked.summary
        project.socialNeed = checked.socialNeed
        project.beneficiaries = checked.beneficiaries
        project.partners = checked.partners
        project.domainCode = checked.domainCode
        project.wilayaCode = checked.wilayaCode
        project.budgetMinor = checked.budgetMinor
        project.currency = checked.currency
        project.funding = checked.funding
        project.startsOn = checked.startsOn
        project.endsOn = checked.endsOn
        project.expectedJobs = checked.expectedJobs
        try await db.transaction { tx in
            try await project.save(on: tx)
            try await WorkflowStep.record(workflow: "project", subjectID: try project.requireID(), action: "edit",
                                          from: ProjectState.draft.rawValue, to: ProjectState.draft.rawValue,
                                          actor: AuditActor(user), reason: nil, on: tx, at: now)
        }
    }
}
