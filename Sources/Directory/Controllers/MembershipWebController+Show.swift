import Fluent
import Platform
import Vapor

extension MembershipWebController {

    @Sendable func show(req: Request) async throws -> Response {
        try await renderShow(req, form: .empty)
    }

    func renderShow(_ req: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
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
        let context = ShowContext(
            page: try await PageMeta.make(for: req, titleKey: "membership.application.title"), application: dto,
            organization: LocalizedText(organization.name, in: req.language), organizationSlug: organization.slug,
            network: LocalizedText(network.name, in: req.language), domains: dto.domains.compactMap { domainNames[$0] },
            checklist: MembershipChecklist.items.map { ChecklistRow(code: $0, satisfied: application.checklist[$0] == true) },
            canReview: user.may(.reviewMembership) && application.state == .underReview, notice: notice, form: form)
        return try await req.render("directory/application", context, status: status)
    }

    @Sendable func transition(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try MembershipAPIController.id(req)
        let step = try req.form(StepForm.self)
        do {
            _ = try await MembershipService.transition(applicationID: id, action: step.action ?? "",
                                                       reason: step.reason, by: user, req.service)
        } catch let error as any ShabakaError where error.status != .forbidden && error.status != .notFound {
            return try await renderShow(req, form: formState(error, req), status: error.status)
        }
        return req.seeOther(req.url.path.replacingOccurrences(of: "/transitions", with: "") + "?done=1")
    }

    @Sendable func checklist(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let id = try MembershipAPIController.id(req)
        let form = try req.form(ChecklistForm.self)
        do {
            _ = try await MembershipService.recordChecklist(applicationID: id, answers: form.answers,
                                                            note: form.note, by: user, req.service)
        } catch let error as any ShabakaError where error.status != .forbidden && error.status != .notFound {
            return try await renderShow(req, form: formState(error, req), status: error.status)
        }
        return req.seeOther(req.url.path.replacingOccurrences(of: "/checklist", with: "") + "?done=1")
    }

    @Sendable func transitionMembership(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw DirectoryError.membershipNotFound }
        let step = try req.form(StepForm.self)
        let membership = try await MembershipService.transitionMembership(
            membershipID: id, action: step.action ?? "", reason: step.reason, by: user, req.service)
        let member = try await Organization.find(membership.memberID, on: req.db)
        return req.seeOther(DirectorySiteURL.organizations.path(in: req.language) + "/" + (member?.slug ?? ""))
    }

    private func formState(_ error: any ShabakaError, _ req: Request) -> FormState {
        let message = req.application.catalog.text(error.messageKey, in: req.language,
                                                   arguments: error.localizedArguments { req.t($0) })
        return FormState(posted: req, fieldErrors: error.fieldErrors, message: message)
    }
}
