import Fluent
import Platform
import Vapor

/// Who represents an organisation, on the site: asking to, inviting, deciding, answering an invitation, and the
/// page of one's own organisations.
struct RepresentativesWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let organization = DirectorySiteURL.organizations.pathComponents + [":slug"]
        routes.post(organization + ["representation-requests"], use: request)
        routes.post(organization + ["invitations"], use: invite)
        routes.post(organization + ["representatives"], use: add)
        routes.post(organization + ["representatives", ":id", "remove"], use: remove)
        routes.post(DirectorySiteURL.representationRequests.pathComponents + [":id", "transitions"], use: step)
        routes.get(DirectorySiteURL.invitation.pathComponents, use: invitation)
        routes.post(DirectorySiteURL.invitation.pathComponents, use: answer)
        routes.get(DirectorySiteURL.myOrganizations.pathComponents, use: mine)
    }

    static func back(_ req: Request, _ organization: Organization) -> Response {
        req.seeOther(DirectoryWebController.path(of: organization, req, anchor: "#representatives"))
    }

    @Sendable func request(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organization = try await DirectoryWebController.organization(req)
        return try await req.submitting {
            _ = try await RepresentationService.request(try req.form(RepresentationService.Ask.self), for: organization,
                                                        by: user, req.service)
            return Self.back(req, organization)
        } refused: { form in
            try await DirectoryWebController.render(req, organization, forms: OrganizationPageForms(request: form))
        }
    }

    @Sendable func invite(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organization = try await DirectoryWebController.organization(req)
        return try await req.submitting {
            _ = try await RepresentationService.invite(try req.form(RepresentationService.Ask.self), to: organization,
                                                       by: user, req.service)
            return Self.back(req, organization)
        } refused: { form in
            try await DirectoryWebController.render(req, organization, forms: OrganizationPageForms(invite: form))
        }
    }

    @Sendable func add(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organization = try await DirectoryWebController.organization(req)
        return try await req.submitting {
            _ = try await RepresentationService.add(try req.form(RepresentationService.Ask.self), to: organization,
                                                    by: user, req.service)
            return Self.back(req, organization)
        } refused: { form in
            try await DirectoryWebController.render(req, organization, forms: OrganizationPageForms(add: form))
        }
    }

    @Sendable func remove(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let organization = try await DirectoryWebController.organization(req)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw DirectoryError.representativeNotFound }
        guard let representative = try await OrganizationRepresentative.find(id, on: req.db) else {
            throw DirectoryError.representativeNotFound
        }
        let name = try await Person.find(representative.personID, on: req.db)?.displayName ?? ""
        let confirmation = Confirmation(
            action: req.t("representatives.remove"), subject: organization.name.resolve(in: req.language).text,
            lines: [req.t("representatives.remove_explain", name)],
            back: DirectoryWebController.path(of: organization, req, anchor: "#representatives"))
        return try await req.confirming(confirmation, confirmed: try req.form(StepForm.self).isConfirmed) {
            try await RepresentationService.remove(id, from: organization, by: user, req.service)
            // Someone who removed themselves may no longer see a page that waits for verification.
            guard try await OrganizationPolicy.maySee(organization, viewer: req.currentUser, on: req.db) else {
                return req.seeOther(DirectorySiteURL.myOrganizations.path(in: req.language))
            }
            return Self.back(req, organization)
        }
    }

    /// `approve`, `decline` (confirmed first, with the reason), `withdraw` (confirmed first).
    @Sendable func step(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let request = try await req.find(RepresentationRequest.self, id: "id", orElse: DirectoryError.representationNotFound)
        guard let organization = try await Organization.find(request.organizationID, on: req.db) else {
            throw DirectoryError.organizationNotFound
        }
        let step = try req.form(StepForm.self)
        let own = request.userID == user.id
        let back = own ? DirectorySiteURL.myOrganizations.path(in: req.language)
            : DirectoryWebController.path(of: organization, req, anchor: "#representatives")
        let who = own ? user.displayName : try await req.authorNames([request.userID].compactMap { $0 })
            .name(of: request.userID, stored: request.invitedEmail ?? "")
        let confirmation = StepConfirmation(
            subject: organization.name.resolve(in: req.language).text + " — " + who + " ("
                + req.t("representative.role." + request.role.rawValue) + ")", back: back)
        return try await req.takingStep(OrganizationWorkflows.representation, from: request.state, form: step,
                                        confirmation: confirmation) {
            try await RepresentationService.step(request, action: step.action ?? "", reason: step.reason, by: user,
                                                 req.service)
            if own { return req.seeOther(back) }
            return Self.back(req, organization)
        } refused: { form in
            try await DirectoryWebController.render(req, organization, forms: OrganizationPageForms(
                step: .init(action: step.action ?? "", form: form), stepTarget: (try? request.requireID().uuidString) ?? ""))
        }
    }

    struct InvitationContext: Encodable {
        let page: PageMeta
        let token: String
        let organization: LocalizedText
        let organizationSlug: String
        let inviter: String
        let role: String
        let message: String
        let signedIn: Bool
        let signInLink: String
        let signUpLink: String
    }

    /// What the link in the invitation's mail opens: the invitation, and buttons to accept or refuse it (opening a
    /// link changes nothing; mail scanners open links).
    @Sendable func invitation(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        let request = try await RepresentationService.invitation(token: token, on: req.db, now: req.now)
        guard let organization = try await Organization.find(request.organizationID, on: req.db) else {
            throw DirectoryError.organizationNotFound
        }
        let inviter = try await req.authorNames([request.invitedByUserID]).name(of: request.invitedByUserID, stored: "")
        let here = DirectorySiteURL.invitation.path(in: req.language) + "?token=" + token
        let next = here.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "?"])) ?? ""
        return try await req.render("directory/invitation", InvitationContext(
            page: try await PageMeta.make(for: req, titleKey: "invitation.title", startsSession: true), token: token,
            organization: LocalizedText(organization.name, in: req.language), organizationSlug: organization.slug,
            inviter: inviter, role: request.role.rawValue, message: request.message, signedIn: req.currentUser != nil,
            signInLink: SiteURL.signIn.path(in: req.language) + "?next=" + next,
            signUpLink: SiteURL.signUp.path(in: req.language)))
    }

    struct Answer: Decodable {
        var token: String?
        var action: String?
        var confirmed: String?
    }

    /// Accepts the invitation, or refuses it once the refusal is confirmed.
    @Sendable func answer(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.form(Answer.self)
        let accept = input.action != "refuse"
        if !accept, input.confirmed != StepForm.yes {
            let token = input.token ?? ""
            let request = try await RepresentationService.invitation(token: token, on: req.db, now: req.now)
            let organization = try await Organization.find(request.organizationID, on: req.db)
            return try await req.confirmationPage(Confirmation(
                action: req.t("invitation.refuse"),
                subject: (organization?.name.resolve(in: req.language).text ?? "") + " — "
                    + req.t("representative.role." + request.role.rawValue),
                lines: [req.t("invitation.refuse_explain")],
                back: DirectorySiteURL.invitation.path(in: req.language) + "?token=" + token,
                hidden: ["token": token, "action": "refuse"]))
        }
        let request = try await RepresentationService.answer(token: input.token ?? "", accept: accept, by: user,
                                                             req.service)
        guard accept, let organization = try await Organization.find(request.organizationID, on: req.db) else {
            return req.seeOther(DirectorySiteURL.myOrganizations.path(in: req.language))
        }
        return Self.back(req, organization)
    }

    struct MineContext: Encodable {
        struct Line: Encodable {
            let slug: String
            let name: LocalizedText
            let kind: String
            let verification: String
            let note: String?
            let role: String
        }
        struct RequestLine: Encodable {
            let id: String
            let slug: String
            let name: LocalizedText
            let role: String
            let state: String
            let reason: String?
            let createdAt: Date?
        }
        let page: PageMeta
        let organizations: [Line]
        let requests: [RequestLine]
        let pagination: PaginationView
    }

    /// The organisations one represents (and where their verification stands), and one's requests.
    @Sendable func mine(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let page = try PageQuery(from: req)
        let (rows, total) = try await RepresentationQuery.mine(user, page: page, on: req.db)
        let requests = try await RepresentationDTO.list(rows, reader: req.reader, on: req.db)
        return try await req.render("directory/my-organizations", MineContext(
            page: try await PageMeta.make(for: req, titleKey: "my_organizations.title"),
            organizations: try await MyOrganization.list(of: user, on: req.db).map {
                .init(slug: $0.slug, name: LocalizedText($0.name, in: req.language), kind: $0.kind,
                      verification: $0.verification, note: $0.verificationNote, role: $0.role)
            },
            requests: requests.map {
                .init(id: $0.id.uuidString, slug: $0.organizationSlug, name: LocalizedText($0.organizationName, in: req.language),
                      role: $0.role, state: $0.state, reason: $0.decisionReason, createdAt: $0.createdAt)
            },
            pagination: PaginationView(request: page, total: total, path: req.url.path, query: [:])))
    }
}
