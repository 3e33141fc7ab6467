import Fluent
import Platform
import Vapor

/// The forms of an organisation's page, each with its own state (the refused one only) and its own element ids
/// (`request-…`, `invite-…`, `add-…`, `verification-<action>-…`, `<row id>-<action>-…` for a row's steps).
struct OrganizationPageForms {
    var verification: WorkflowStepForms.Sent?
    var request = FormState.empty
    var invite = FormState.empty
    var add = FormState.empty
    /// A representation request's step, and which request it was sent for.
    var step: WorkflowStepForms.Sent?
    var stepTarget = ""
    /// A membership's step, and which membership it was sent for.
    var membershipStep: WorkflowStepForms.Sent?
    var membershipTarget = ""
}

/// One organisation's page: its profile, memberships, representatives and, for those who act for it, who asks
/// to join them; for staff, its verification.
struct OrganizationPageContext: Encodable {
    struct MembershipView: Encodable {
        let id: String
        let other: LocalizedText
        let otherSlug: String
        let state: String
        let history: [WorkflowStepView]
        let actions: [String]
        let steps: WorkflowStepForms
    }

    struct RepresentativeView: Encodable {
        let id: String
        let name: String
        let role: String
        let removable: Bool
    }

    struct RequestView: Encodable {
        let id: String
        let who: String
        let role: String
        let message: String
        let state: String
        let invited: Bool
        let actions: [String]
        let createdAt: Date?
        let steps: WorkflowStepForms
    }

    let page: PageMeta
    let organization: OrganizationDTO
    let name: LocalizedText
    let summary: LocalizedText
    let wilaya: String?
    let domains: [String]
    let memberships: [MembershipView]
    let members: [MembershipView]
    let canApply: Bool
    /// The reader represents it or is staff: edits, sees requests, invites.
    let mayAct: Bool
    let isStaff: Bool
    let verificationActions: [String]
    let verificationSteps: WorkflowStepForms
    let representatives: [RepresentativeView]
    let requests: [RequestView]
    let canAskToRepresent: Bool
    let myRequest: RequestView?
    let roles: [ChoiceOption]
    let requestForm: FormState
    let inviteForm: FormState
    let addForm: FormState

    static func make(_ organization: Organization, forms: OrganizationPageForms, _ req: Request) async throws
        -> OrganizationPageContext
    {
        let db = req.db
        let dto = try await OrganizationDTO.load(organization, on: db)
        let domainNames = try await Options.domainNames(req)
        let wilaya = try await organization.wilayaCode.asyncMap { try await Wilaya.find($0, on: db) }?
            .map { $0.name(in: req.language) }
        let related = try await Organization.query(on: db)
            .filter(\.$id ~~ (dto.memberships.map(\.networkID) + dto.members.map(\.memberID))).all()
        let user = req.currentUser
        let csrf = req.formCSRF
        /// The steps of a representation request, posted to its own address.
        func requestSteps(_ id: String, _ actions: [String]) -> WorkflowStepForms {
            WorkflowStepForms.make(OrganizationWorkflows.representation, actions: actions,
                                   url: DirectorySiteURL.representationRequests.path(in: req.language) + "/" + id
                                       + "/transitions",
                                   id: "request-" + id, sent: forms.stepTarget == id ? forms.step : nil,
                                   style: .init(inline: true), csrf: csrf, req)
        }
        func views(_ list: [OrganizationDTO.MembershipDTO], other: (OrganizationDTO.MembershipDTO) -> UUID)
            -> [MembershipView]
        {
            list.compactMap { membership in
                guard let org = related.first(where: { $0.id == other(membership) }),
                      let state = MembershipState(rawValue: membership.state) else { return nil }
                let actions = user.map { MembershipWorkflows.membership.actions(from: state, for: $0).map(\.action) }
                let id = membership.id.uuidString
                return .init(id: id, other: LocalizedText(org.name, in: req.language),
                             otherSlug: org.slug, state: membership.state, history: membership.history,
                             actions: actions ?? [],
                             steps: .make(MembershipWorkflows.membership, actions: actions ?? [],
                                          url: DirectorySiteURL.memberships.path(in: req.language) + "/" + id
                                              + "/transitions",
                                          id: "membership-" + id,
                                          sent: forms.membershipTarget == id ? forms.membershipStep : nil,
                                          csrf: csrf, req))
            }
        }
        let mayAct = try await user.asyncMap { try await OrganizationPolicy.mayAct(for: organization, $0, on: db) } ?? false
        let isStaff = user?.may(.manageOrganizations) == true
        let represents = try await user.asyncMap {
            try await Representation.represents(userID: $0.id, organizationID: dto.id, on: db)
        } ?? false
        var canApply = false
        if let user, user.may(.applyForMembership), MembershipRules.admits(organization.kind),
           organization.verification == .verified, represents || isStaff,
           !dto.memberships.contains(where: { ["active", "suspended"].contains($0.state) }) {
            let open = try await MembershipApplication.query(on: db).filter(\.$organizationID == dto.id)
                .filter(\.$state ~~ [.submitted, .underReview]).count()
            canApply = open == 0
        }
        let verificationActions = user.map {
            OrganizationWorkflows.verification.actions(from: organization.verification, for: $0).map(\.action)
                .filter { $0 != "resubmit" || mayAct }
        } ?? []
        var requests: [RequestView] = []
        if let user, mayAct {
            let (rows, _) = try await RepresentationQuery.forOrganization(organization, openOnly: true, viewer: user,
                                                                         page: PageQuery(number: 1, size: 50), on: db)
            requests = try await RepresentationDTO.list(rows, reader: req.reader, on: db).map { request in
                let actions = request.state == RepresentationState.pending.rawValue ? ["approve", "decline"] : ["withdraw"]
                return RequestView(id: request.id.uuidString, who: request.userName ?? request.invitedEmail ?? "",
                                   role: request.role, message: request.message, state: request.state,
                                   invited: request.state == RepresentationState.invited.rawValue, actions: actions,
                                   createdAt: request.createdAt, steps: requestSteps(request.id.uuidString, actions))
            }
        }
        var myRequest: RequestView?
        if let user, !represents, let open = try await RepresentationQuery.openRequest(of: user, to: dto.id, on: db) {
            let id = try open.requireID().uuidString
            myRequest = RequestView(id: id, who: user.displayName, role: open.role.rawValue,
                                    message: open.message, state: open.state.rawValue, invited: false,
                                    actions: ["withdraw"], createdAt: open.createdAt,
                                    steps: requestSteps(id, ["withdraw"]))
        }
        let canAsk = user?.may(.registerOrganizations) == true && !represents && myRequest == nil
            && organization.verification == .verified
        return OrganizationPageContext(
            page: try await PageMeta.make(for: req, titleKey: "directory.organization_title",
                                          organization.name.resolve(in: req.language).text),
            organization: dto, name: LocalizedText(organization.name, in: req.language),
            summary: LocalizedText(organization.summary, in: req.language), wilaya: wilaya,
            domains: dto.domains.compactMap { domainNames[$0] },
            memberships: views(dto.memberships, other: \.networkID), members: views(dto.members, other: \.memberID),
            canApply: canApply, mayAct: mayAct, isStaff: isStaff, verificationActions: verificationActions,
            verificationSteps: .make(OrganizationWorkflows.verification, actions: verificationActions,
                                     url: DirectorySiteURL.organizations.path(in: req.language) + "/" + organization.slug
                                         + "/transitions",
                                     id: "verification", sent: forms.verification, csrf: csrf, req),
            representatives: dto.representatives.map {
                RepresentativeView(id: $0.id.uuidString, name: $0.name, role: $0.role,
                                   removable: mayAct && (dto.representatives.count > 1 || isStaff))
            },
            requests: requests, canAskToRepresent: canAsk, myRequest: myRequest,
            roles: ChoiceOption.cases(RepresentativeRole.self, key: "representative.role",
                                      selected: forms.request.values["role"] ?? forms.invite.values["role"]
                                          ?? forms.add.values["role"] ?? "representative", req),
            requestForm: forms.request.prefixed("request-"), inviteForm: forms.invite.prefixed("invite-"),
            addForm: forms.add.prefixed("add-"))
    }
}
