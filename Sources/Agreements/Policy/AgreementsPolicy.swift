import Directory
import Fluent
import Platform

/// Who may act on an agreement's commitments and follow-up, beyond the permission a role grants.
///
/// A commitment is owed by one party: only that party's representatives (and the staff who manage
/// agreements) may start, complete or resume it, or report progress on it. A follow-up of the agreement as a
/// whole may come from the staff who follow agreements or from a representative of any of its parties.
public enum AgreementsPolicy {
    /// Throws 403 unless `user` may act on `commitment` (its permission is checked by the workflow).
    public static func requireActing(on commitment: Commitment, by user: CurrentUser, on db: any Database) async throws {
        if user.may(.manageAgreements) { return }
        guard try await Representation.represents(userID: user.id, organizationID: commitment.ownerID, on: db) else {
            throw AgreementsError.notTheCommitmentOwner
        }
    }

    /// Throws 403 unless `user` may add a follow-up to `agreement` (on `commitment` when given).
    public static func requireFollowingUp(
        _ agreement: Agreement, commitment: Commitment?, by user: CurrentUser, on db: any Database
    ) async throws {
        guard user.may(.recordFollowUp) else { throw PlatformError.forbidden(permission: .recordFollowUp) }
        if let commitment {
            try await requireActing(on: commitment, by: user, on: db)
            return
        }
        if user.may(.manageAgreements) || user.may(.evaluateProjects) { return }
        let parties = try await AgreementParty.query(on: db).filter(\.$agreementID == agreement.requireID()).all()
        for party in parties
        where try await Representation.represents(userID: user.id, organizationID: party.organizationID, on: db) {
            return
        }
        throw AgreementsError.notAParty
    }

    /// Whether the page should offer `user` the commitment's buttons.
    public static func mayAct(on commitment: Commitment, by user: CurrentUser?, on db: any Database) async throws -> Bool {
        guard let user, user.may(.recordFollowUp) else { return false }
        return (try? await requireActing(on: commitment, by: user, on: db)) != nil
    }
}
