import Directory
import Fluent
import Platform
import Vapor

/// How the association and its expert reach each other, shared once the expert has accepted (never before: an
/// expert who declines has seen no one's address), for the page and the API alike.
public struct ExpertiseContacts: Content {
    public struct Contact: Content {
        let name: String
        let email: String?
        let phone: String?
    }

    /// The association (its public contacts), and the person who asked.
    let association: Contact
    let requester: Contact?
    let expert: Contact?

    static let sharedFrom: Set<ExpertiseRequestState> = [.accepted, .answered, .completed]

    static func load(for request: ExpertiseRequest, reader: Reader, on db: any Database) async throws -> ExpertiseContacts? {
        guard sharedFrom.contains(request.state), let organization = try await Organization.find(request.organizationID, on: db)
        else { return nil }
        var requester: Contact?
        if let id = request.requestedByUserID, let user = try await User.find(id, on: db), user.erasedAt == nil {
            requester = Contact(name: user.displayName, email: user.email, phone: nil)
        }
        var expert: Contact?
        if let id = request.expertID, let person = try await Person.find(id, on: db) {
            let account = try await person.userID.asyncMap { try await User.find($0, on: db) } ?? nil
            expert = Contact(name: person.displayName, email: account?.erasedAt == nil ? account?.email : nil, phone: nil)
        }
        return ExpertiseContacts(
            association: Contact(name: organization.name.resolve(in: reader.language).text, email: organization.email,
                                 phone: organization.phone),
            requester: requester, expert: expert)
    }
}
