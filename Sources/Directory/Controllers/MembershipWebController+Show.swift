import Fluent
import Platform
import Vapor

extension MembershipWebController {

    @Sendable func show(req: Request) async throws -> Response {
        try await renderShow(req)
    }

    /// The application's page, with the checklist's `form` or the refused `step` shown again with their errors.
    func renderShow(_ req: Request, form: FormState = .empty, step: WorkflowStepForms.Sent? = nil,
                    status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let application = try await MembershipAPIController.find(req)
        guard user.may(.reviewMembership) || application.applicantUserID == user.id else {
            throw DirectoryError.notYourApplication
        }
        let dto = try await ApplicationDTO.load(application, for: user, on: req.db)
        guard let organization = try await Organization.find(application.organizationID, on: req.db),
              let network = try await Organization.find(application.networkID, on: req.db)
        else { throw DirectoryError.organizationNotFound }
        let domainNames = try await Options.domainNames(req)
        let notice = req.query[String.self, at: "submitted"] == "1" ? req.t("membership.apply.submitted")
            : req.query[String.self, at: "done"] == "1" ? req.t("membership.step_recorded") : nil
        let page = try await PageMeta.make(for: req, titleKey: "membership.application.title")
        let context = ShowContext(
            page: page, application: dto,
            organization: LocalizedText(organization.name, in: req.language), organizationSlug: organization.slug,
            network: LocalizedText(network.name, in: req.language), domains: dto.domains.compactMap { domainNames[$0] },
            checklist: MembershipChecklist.items.map { ChecklistRow(code: $0, satisfied: application.checklist[$0] == true) },
            canReview: user.may(.reviewMembership) && application.state == .underReview, notice: notice, form: form,
            steps: .make(MembershipWorkflows.application, actions: dto.allowedActions,
                         url: Self.path(of: application, req) + "/transitions", id: "step", sent: step,
                         style: .init(optionalReason: true), csrf: page.csrf, req))
        return try await req.render("directory/application", context, status: status)
    }

    static func path(of application: MembershipApplication, _ req: Request) -> String {
        DirectorySiteURL.membershipApplications.path(in: req.language) + "/" + (application.id?.uuidString ?? "")
    }

    /// A step of the application; reject and withdraw are confirmed first. A rule of the procedure that refuses it
    /// (accepting before the checklist is answered) is said on the step's form.
    @Sendable func transition(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let application = try await MembershipAPIController.find(req)
        let step = try req.form(StepForm.self)
        let action = step.action ?? ""
        let back = Self.path(of: application, req)
        let organization = try await Organization.find(application.organizationID, on: req.db)
        let confirmation = StepConfirmation(subject: organization?.name.resolve(in: req.language).text ?? "",
                                            back: back, optionalReason: true)
        do {
            return try await req.takingStep(MembershipWorkflows.application, from: application.state, form: step,
                                            confirmation: confirmation) {
                _ = try await MembershipService.transition(applicationID: try application.requireID(), action: action,
                                                           reason: step.reason, by: user, req.service)
                return req.seeOther(back + "?done=1")
            } refused: { form in
                try await renderShow(req, step: .init(action: action, form: form))
            }
        } catch let error as any ShabakaError where error.status != .forbidden && error.status != .notFound {
            return try await renderShow(req, step: .init(action: action, form: FormState(posted: req, refusedBy: error)),
                                        status: error.status)
        }
    }

    @Sendable func checklist(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try MembershipAPIController.id(req)
        let form = try req.form(ChecklistForm.self)
        do {
            _ = try await MembershipService.recordChecklist(applicationID: id, answers: form.answers,
                                                            note: form.note, by: user, req.service)
        } catch let error as any ShabakaError where error.status != .forbidden && error.status != .notFound {
            return try await renderShow(req, form: FormState(posted: req, refusedBy: error), status: error.status)
        }
        return req.seeOther(req.url.path.replacingOccurrences(of: "/checklist", with: "") + "?done=1")
    }

    /// A step of a network membership, from the member's or the network's page; suspend and terminate are
    /// confirmed first. Refused, the member's page shows the step's form again with its errors.
    @Sendable func transitionMembership(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self),
              let membership = try await NetworkMembership.find(id, on: req.db),
              let member = try await Organization.find(membership.memberID, on: req.db)
        else { throw DirectoryError.membershipNotFound }
        let step = try req.form(StepForm.self)
        let back = DirectoryWebController.path(of: member, req)
        let network = try await Organization.find(membership.networkID, on: req.db)
        let subject = member.name.resolve(in: req.language).text
            + (network.map { " — " + $0.name.resolve(in: req.language).text } ?? "")
        return try await req.takingStep(MembershipWorkflows.membership, from: membership.state, form: step,
                                        confirmation: StepConfirmation(subject: subject, back: back)) {
            _ = try await MembershipService.transitionMembership(
                membershipID: id, action: step.action ?? "", reason: step.reason, by: user, req.service)
            return req.seeOther(back)
        } refused: { form in
            try await DirectoryWebController.render(req, member, forms: OrganizationPageForms(
                membershipStep: .init(action: step.action ?? "", form: form), membershipTarget: id.uuidString))
        }
    }
}
