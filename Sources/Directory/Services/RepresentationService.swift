import Fluent
import Platform
import Vapor

/// Who comes to represent an organisation: a person asks and the organisation decides, or the organisation
/// invites someone by e-mail and they answer; staff add or remove representatives directly.
public enum RepresentationService {
    /// What a request or an invitation says: the role in the organisation and a note.
    public struct Ask: Content, Sendable {
        public var role: String?
        public var message: String?
        /// For an invitation or a representative added by staff: the person's e-mail address.
        public var email: String?

        public init(role: String? = nil, message: String? = nil, email: String? = nil) {
            self.role = role
            self.message = message
            self.email = email
        }
    }

    static func read(_ ask: Ask, needsEmail: Bool) throws -> (RepresentativeRole, String, String) {
        var errors: [FieldError] = []
        let role = RepresentativeRole(rawValue: ask.role ?? "")
        if role == nil { errors.append(FieldError("role", ask.role == nil ? "validation.required" : "validation.invalid_choice")) }
        if let error = Validate.lengthError(ask.message, field: "message", max: 2000) { errors.append(error) }
        if needsEmail, let error = Validate.emailError(ask.email, required: true) { errors.append(error) }
        guard errors.isEmpty, let role else { throw ValidationFailure(errors) }
        return (role, Validate.trimmed(ask.message) ?? "", User.normalize(email: ask.email ?? ""))
    }

    /// A person asks to represent a verified organisation; its representatives (or staff, when it has none) are told.
    public static func request(_ ask: Ask, for organization: Organization, by user: CurrentUser,
                               _ context: ServiceContext) async throws -> RepresentationRequest {
        try user.require(.registerOrganizations)
        try await OrganizationPolicy.requireVisible(organization, viewer: user, on: context.db)
        let (role, message, _) = try read(ask, needsEmail: false)
        let organizationID = try organization.requireID()
        if try await Representation.represents(userID: user.id, organizationID: organizationID, on: context.db) {
            throw DirectoryError.alreadyRepresentative
        }
        if try await RepresentationRequest.query(on: context.db).filter(\.$organizationID == organizationID)
            .filter(\.$userID == user.id).filter(\.$state == .pending).count() > 0 {
            throw DirectoryError.representationAlreadyOpen
        }
        let request = RepresentationRequest()
        request.organizationID = organizationID
        request.userID = user.id
        request.role = role
        request.message = message
        request.state = .pending
        return try await context.db.transaction { tx in
            try await request.create(on: tx)
            try await WorkflowStep.record(workflow: OrganizationWorkflows.representation.name,
                                          subjectID: try request.requireID(), action: "ask", from: nil,
                                          to: RepresentationState.pending.rawValue, actor: AuditActor(user),
                                          reason: message.isEmpty ? nil : message, on: tx, at: context.now)
            var deciders = try await Representation.userIDs(of: organizationID, on: tx)
            if deciders.isEmpty {
                deciders = try await Notifier.users(withAnyOf: AccessPolicy.roles(granting: .manageOrganizations), on: tx)
            }
            try await context.on(tx).notify(deciders, "notification.representation_requested",
                                            arguments: [user.displayName], localized: [organization.name],
                                            link: "organizations/\(organization.slug)#representatives")
            return request
        }
    }

    /// The organisation invites someone by e-mail; the mail's link lets them accept once signed in with an
    /// account for that address.
    public static func invite(_ ask: Ask, to organization: Organization, by user: CurrentUser,
                              _ context: ServiceContext) async throws -> RepresentationRequest {
        try await OrganizationPolicy.requireActing(for: organization, user, on: context.db)
        let (role, message, email) = try read(ask, needsEmail: true)
        let organizationID = try organization.requireID()
        if let invitee = try await User.query(on: context.db).filter(\.$email == email).first(),
           try await Representation.represents(userID: invitee.requireID(), organizationID: organizationID, on: context.db) {
            throw ValidationFailure([FieldError("email", "validation.already_representative")])
        }
        if try await RepresentationRequest.query(on: context.db).filter(\.$organizationID == organizationID)
            .filter(\.$invitedEmail == email).filter(\.$state == .invited).filter(\.$expiresAt > context.now).count() > 0 {
            throw ValidationFailure([FieldError("email", "validation.already_invited")])
        }
        let (token, hash) = APIToken.generate()
        let request = RepresentationRequest()
        request.organizationID = organizationID
        request.invitedEmail = email
        request.invitedByUserID = user.id
        request.tokenHash = hash
        request.expiresAt = context.now.addingTimeInterval(RepresentationRequest.invitationLifetime)
        request.role = role
        request.message = message
        request.state = .invited
        let catalog = context.messaging.catalog
        let language = user.language
        let link = context.messaging.baseURL + DirectorySiteURL.invitation.path(in: language) + "?token="
            + OutboxMessage.secretMarker
        return try await context.db.transaction { tx in
            try await request.create(on: tx)
            try await WorkflowStep.record(workflow: OrganizationWorkflows.representation.name,
                                          subjectID: try request.requireID(), action: "invite", from: nil,
                                          to: RepresentationState.invited.rawValue, actor: AuditActor(user),
                                          reason: message.isEmpty ? nil : message, on: tx, at: context.now)
            let body = catalog.text("mail.invitation.body", in: language, arguments: [
                user.displayName, organization.name.resolve(in: language).text,
                catalog.text("representative.role." + role.rawValue, in: language), message, link,
            ])
            try await Outbox.enqueue(to: email, subject: catalog.text("mail.invitation.subject", in: language),
                                     body: body, kind: "invitation", secret: (token, request.expiresAt ?? context.now),
                                     on: tx, at: context.now)
            return request
        }
    }

    /// `approve` or `decline` a request (the organisation's representatives or staff), `withdraw` one's own
    /// request or the organisation's invitation.
    public static func step(_ request: RepresentationRequest, action: String, reason: String?, by user: CurrentUser,
                            _ context: ServiceContext) async throws {
        let db = context.db
        guard let organization = try await Organization.find(request.organizationID, on: db) else {
            throw DirectoryError.organizationNotFound
        }
        let from = request.state
        // An invitation is answered through its link (``answer(token:accept:by:_:)``), by the person it was sent to.
        guard action != "accept", action != "refuse" else { throw DirectoryError.invitationInvalid }
        let step = try OrganizationWorkflows.representation.check(action: action, from: from, user: user, reason: reason)
        let mayAct = try await OrganizationPolicy.mayAct(for: organization, user, on: db)
        switch step.action {
        case "withdraw" where from == .pending:
            guard request.userID == user.id || user.may(.manageOrganizations) else { throw DirectoryError.representationNotFound }
        default:
            guard mayAct else { throw DirectoryError.notActingForOrganization }
        }
        let requester = try await request.userID.asyncMap { try await User.find($0, on: db) }
        if step.to == .approved, requester == nil { throw DirectoryError.representationNotFound }
        request.state = step.to
        request.decidedByUserID = user.id
        request.decisionReason = Validate.trimmed(reason)
        request.tokenHash = nil
        try await OrganizationWorkflows.representation.apply(step, to: request, from: from, by: AuditActor(user),
                                                             reason: reason, on: db, at: context.now) { tx in
            if step.to == .approved, let requester {
                try await Representation.link(requester, to: request.organizationID, as: request.role,
                                              actor: AuditActor(user), on: tx, now: context.now)
            }
            if let requesterID = request.userID, requesterID != user.id {
                try await context.on(tx).notify([requesterID], "notification.representation_" + step.to.rawValue,
                                                arguments: [Validate.trimmed(reason) ?? ""], localized: [organization.name],
                                                link: "organizations/" + organization.slug)
            }
        }
    }

    /// The invitation a link carries, while it can still be answered.
    public static func invitation(token: String, on db: any Database, now: Date) async throws -> RepresentationRequest {
        guard !token.isEmpty, token.utf8.count <= 200,
              let request = try await RepresentationRequest.query(on: db).filter(\.$tokenHash == APIToken.digest(token))
                .filter(\.$state == .invited).first(),
              let expiresAt = request.expiresAt, expiresAt > now else { throw DirectoryError.invitationInvalid }
        return request
    }

    /// The person invited accepts (and represents the organisation from now on) or refuses, signed in with an
    /// account for the invited address.
    public static func answer(token: String, accept: Bool, by user: CurrentUser, _ context: ServiceContext)
        async throws -> RepresentationRequest
    {
        let request = try await invitation(token: token, on: context.db, now: context.now)
        guard let account = try await User.find(user.id, on: context.db) else { throw PlatformError.signInRequired }
        guard account.email == request.invitedEmail else { throw DirectoryError.invitationForAnotherAddress }
        guard let organization = try await Organization.find(request.organizationID, on: context.db) else {
            throw DirectoryError.organizationNotFound
        }
        let from = request.state
        let step = try OrganizationWorkflows.representation.check(action: accept ? "accept" : "refuse", from: from,
                                                                  user: user, reason: nil)
        request.state = step.to
        request.userID = user.id
        request.tokenHash = nil
        try await OrganizationWorkflows.representation.apply(step, to: request, from: from, by: AuditActor(user),
                                                             reason: nil, on: context.db, at: context.now) { tx in
            if accept {
                try await Representation.link(account, to: request.organizationID, as: request.role,
                                              actor: AuditActor(user), on: tx, now: context.now)
            }
            if let inviter = request.invitedByUserID {
                try await context.on(tx).notify([inviter], "notification.invitation_" + step.to.rawValue,
                                                arguments: [user.displayName], localized: [organization.name],
                                                link: "organizations/\(organization.slug)#representatives")
            }
        }
        return request
    }

    /// Staff make an existing account a representative directly.
    public static func add(_ ask: Ask, to organization: Organization, by user: CurrentUser, _ context: ServiceContext)
        async throws -> OrganizationRepresentative
    {
        try user.require(.manageOrganizations)
        let (role, _, email) = try read(ask, needsEmail: true)
        guard let account = try await User.query(on: context.db).filter(\.$email == email).filter(\.$erasedAt == nil)
            .first() else { throw ValidationFailure([FieldError("email", "validation.no_account_for_email")]) }
        let organizationID = try organization.requireID()
        return try await context.db.transaction { tx in
            do {
                try await Representation.link(account, to: organizationID, as: role, actor: AuditActor(user), on: tx,
                                              now: context.now)
            } catch DirectoryError.alreadyRepresentative {
                throw ValidationFailure([FieldError("email", "validation.already_representative")])
            }
            try await context.on(tx).notify([try account.requireID()], "notification.representative_added",
                                            localized: [organization.name], link: "organizations/" + organization.slug)
            let personID = try await Representation.person(for: account, on: tx).requireID()
            guard let link = try await OrganizationRepresentative.query(on: tx).filter(\.$personID == personID)
                .filter(\.$organizationID == organizationID).first() else { throw DirectoryError.representativeNotFound }
            return link
        }
    }

    /// A representative leaves or is removed by a fellow representative or staff. The last one is removed only by
    /// staff, so an organisation is never left without anyone to act for it by accident.
    public static func remove(_ representativeID: UUID, from organization: Organization, by user: CurrentUser,
                              _ context: ServiceContext) async throws {
        let db = context.db
        try await OrganizationPolicy.requireActing(for: organization, user, on: db)
        let organizationID = try organization.requireID()
        guard let representative = try await OrganizationRepresentative.find(representativeID, on: db),
              representative.organizationID == organizationID else { throw DirectoryError.representativeNotFound }
        let count = try await OrganizationRepresentative.query(on: db).filter(\.$organizationID == organizationID).count()
        if count == 1, !user.may(.manageOrganizations) { throw DirectoryError.lastRepresentative }
        let removedUser = try await Person.find(representative.personID, on: db)?.userID
        try await db.transaction { tx in
            try await Representation.unlink(representative, actor: AuditActor(user), on: tx, now: context.now)
            if let removedUser, removedUser != user.id {
                try await context.on(tx).notify([removedUser], "notification.representative_removed",
                                                localized: [organization.name], link: "organizations/" + organization.slug)
            }
        }
    }
}
