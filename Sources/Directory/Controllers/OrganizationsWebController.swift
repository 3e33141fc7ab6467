import Fluent
import Platform
import Vapor

/// Registering an organisation, editing its profile, and its verification by staff, on the site.
struct OrganizationsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(DirectorySiteURL.registerOrganization.pathComponents, use: registration)
        routes.post(DirectorySiteURL.organizations.pathComponents, use: register)
        let organization = DirectorySiteURL.organizations.pathComponents + [":slug"]
        routes.get(organization + ["edit"], use: edit)
        routes.post(organization, use: update)
        routes.post(organization + ["transitions"], use: transition)
    }

    struct Registrant: Decodable {
        var representativeRole: String?
    }

    @Sendable func registration(req: Request) async throws -> Response {
        _ = try req.requireUser()
        return try await req.render("directory/organization-form", try await OrganizationFormContext.registration(.empty, req))
    }

    @Sendable func register(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submitting {
            let input = try req.form(OrganizationInput.self)
            let role = try req.form(Registrant.self).representativeRole
            let organization = try await OrganizationRegistration.register(input, role: role, by: user, req.service)
            req.application.directoryIndex.invalidate()
            return req.seeOther(DirectoryWebController.path(of: organization, req))
        } refused: { form in
            try await req.render("directory/organization-form", try await OrganizationFormContext.registration(form, req))
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organization = try await DirectoryWebController.organization(req)
        try await OrganizationPolicy.requireActing(for: organization, user, on: req.db)
        return try await req.render("directory/organization-form",
                                    try await OrganizationFormContext.edit(organization, form: nil, req))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organization = try await DirectoryWebController.organization(req)
        return try await req.submitting {
            var input = try req.form(OrganizationInput.self)
            // Unticking every domain sends no `domains[]` at all: the form means "none".
            if input.domains == nil { input.domains = [] }
            try await OrganizationService.update(organization, with: input, by: user, on: req.db, now: req.now)
            req.application.directoryIndex.invalidate()
            return req.seeOther(DirectoryWebController.path(of: organization, req))
        } refused: { form in
            try await req.render("directory/organization-form",
                                 try await OrganizationFormContext.edit(organization, form: form, req))
        }
    }

    /// `verify`, `reject` (confirmed first, with the reason), `resubmit`.
    @Sendable func transition(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organization = try await DirectoryWebController.organization(req)
        let step = try req.form(StepForm.self)
        let confirmation = StepConfirmation(subject: organization.name.resolve(in: req.language).text,
                                            back: DirectoryWebController.path(of: organization, req),
                                            reasonKey: "organization.verification_reason")
        return try await req.takingStep(OrganizationWorkflows.verification, from: organization.verification, form: step,
                                        confirmation: confirmation) {
            try await OrganizationRegistration.transition(organization, action: step.action ?? "", reason: step.reason,
                                                          by: user, req.service)
            req.application.directoryIndex.invalidate()
            return req.seeOther(DirectoryWebController.path(of: organization, req))
        } refused: { form in
            try await DirectoryWebController.render(req, organization, forms: OrganizationPageForms(
                verification: .init(action: step.action ?? "", form: form)))
        }
    }
}
