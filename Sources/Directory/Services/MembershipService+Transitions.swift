import Fluent
import Platform
import Vapor

extension MembershipService {
    /// Moves an application along its workflow; accepting admits the organisation as an active member.
    public static func transition(
        applicationID: UUID, action: String, reason: String?, by user: CurrentUser, _ context: ServiceContext
    ) async throws -> MembershipApplication {
        guard let application = try await MembershipApplication.find(applicationID, on: context.db) else {
            throw DirectoryError.applicationNotFound
        }
        let from = application.state
        let step = try workflowApplication.check(action: action, from: from, user: user, reason: reason)
        if step.action == "withdraw", application.applicantUserID != user.id, !user.may(.manageOrganizations) {
            throw DirectoryError.notYourApplication
        }
        if step.to == .accepted {
            let missing = MembershipChecklist.items.filter { application.checklist[$0] != true }
            guard missing.isEmpty else { throw DirectoryError.checklistIncomplete(missing: missing) }
        }
        application.state = step.to
        if step.to == .accepted || step.to == .rejected { application.decisionReason = Validate.trimmed(reason) }
        try await workflowApplication.apply(step, to: application, from: from, by: AuditActor(user), reason: reason,
                                            on: context.db, at: context.now) { tx in
            if step.to == .accepted {
                let membership = NetworkMembership(networkID: application.networkID, memberID: application.organizationID,
                                                   applicationID: applicationID)
                try await membership.create(on: tx)
                try await WorkflowStep.record(workflow: "membership", subjectID: try membership.requireID(), action: "admit",
                                              from: nil, to: MembershipState.active.rawValue, actor: AuditActor(user),
                                              reason: reason, on: tx, at: context.now)
            }
            // The applicant and every representative of the organisation hear of each step, with its reason.
            let representatives = try await Representation.userIDs(of: application.organizationID, on: tx)
            let concerned = ([application.applicantUserID].compactMap { $0 } + representatives)
            var told = Set<UUID>()
            let recipients = concerned.filter { $0 != user.id && told.insert($0).inserted }
            let name = try await Organization.find(application.organizationID, on: tx)?.name.resolve(in: .ar).text ?? ""
            try await notify(recipients, "notification.application_\(step.to.rawValue)",
                             [name, Validate.trimmed(reason) ?? ""], application: applicationID, context.on(tx))
        }
        return application
    }

    /// Suspends, reactivates or terminates a membership, with a written reason.
    public static func transitionMembership(
        membershipID: UUID, action: String, reason: String?, by user: CurrentUser, _ context: ServiceContext
    ) async throws -> NetworkMembership {
        guard let membership = try await NetworkMembership.find(membershipID, on: context.db) else {
            throw DirectoryError.membershipNotFound
        }
        let from = membership.state
        let step = try workflowMembership.check(action: action, from: from, user: user, reason: reason)
        membership.state = step.to
        try await workflowMembership.apply(step, to: membership, from: from, by: AuditActor(user), reason: reason,
                                           on: context.db, at: context.now) { tx in
            let representatives = try await Representation.userIDs(of: membership.memberID, on: tx)
            if let slug = try await Organization.find(membership.memberID, on: tx)?.slug {
                try await context.on(tx).notify(representatives, "notification.membership_\(step.to.rawValue)",
                                                arguments: [Validate.trimmed(reason) ?? ""], link: "organizations/" + slug)
            }
        }
        return membership
    }

    static func notify(
        _ userIDs: [UUID], _ key: String, _ arguments: [String], application: UUID, _ context: ServiceContext
    ) async throws {
        try await context.notify(userIDs, key, arguments: arguments, link: "membership/applications/" + application.uuidString)
    }
}
