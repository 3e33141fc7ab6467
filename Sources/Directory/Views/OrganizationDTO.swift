import Fluent
import Platform
import Vapor

/// One organisation in full, with its domains, representatives and memberships.
public struct OrganizationDTO: Content {
    public struct Representative: Content {
        /// The representation's id (to remove it).
        let id: UUID
        let personID: UUID
        let name: String
        let role: String
    }

    public struct MembershipDTO: Content {
        let id: UUID
        let networkID: UUID
        let memberID: UUID
        let state: String
        let history: [WorkflowStepView]
    }

    let id: UUID
    let slug: String
    let kind: String
    let name: Translated
    let description: Translated
    let acronym: String?
    let accreditationNumber: String?
    let accreditationDate: String?
    let wilayaCode: String?
    let commune: String?
    let address: String?
    let email: String?
    let phone: String?
    let website: String?
    let foundedOn: String?
    /// `pending` until staff verify an organisation a person registered, `verified`, or `rejected` (with the note).
    let verification: String
    let verificationNote: String?
    /// The verification's steps: registered, verified or rejected, sent again.
    let verificationHistory: [WorkflowStepView]
    let domains: [String]
    let representatives: [Representative]
    let memberships: [MembershipDTO]
    let members: [MembershipDTO]
    let updatedAt: Date?

    static func load(_ organization: Organization, on db: any Database) async throws -> OrganizationDTO {
        let id = try organization.requireID()
        let domains = try await OrganizationDomain.query(on: db).filter(\.$organizationID == id).all().map(\.domainCode)
        let links = try await OrganizationRepresentative.query(on: db).filter(\.$organizationID == id).all()
        let people = try await Person.query(on: db).filter(\.$id ~~ links.map(\.personID)).filter(\.$erasedAt == nil).all()
        let representatives = links.compactMap { link -> Representative? in
            guard let linkID = link.id, let person = people.first(where: { $0.id == link.personID }) else { return nil }
            return Representative(id: linkID, personID: link.personID, name: person.displayName, role: link.role.rawValue)
        }
        func memberships(_ field: KeyPath<NetworkMembership, FieldProperty<NetworkMembership, UUID>>) async throws
            -> [MembershipDTO]
        {
            try await NetworkMembership.query(on: db).filter(field == id).all().asyncMap { membership in
                let membershipID = try membership.requireID()
                let history = try await WorkflowStep.history(workflow: "membership", subjectID: membershipID, on: db)
                return MembershipDTO(id: membershipID, networkID: membership.networkID, memberID: membership.memberID,
                                     state: membership.state.rawValue, history: try await WorkflowStepView.list(history, on: db))
            }
        }
        return OrganizationDTO(
            id: id, slug: organization.slug, kind: organization.kind.rawValue, name: organization.name,
            description: organization.summary, acronym: organization.acronym,
            accreditationNumber: organization.accreditationNumber, accreditationDate: organization.accreditationDate,
            wilayaCode: organization.wilayaCode, commune: organization.commune, address: organization.address,
            email: organization.email, phone: organization.phone, website: organization.website,
            foundedOn: organization.foundedOn, verification: organization.verification.rawValue,
            verificationNote: organization.verificationNote,
            verificationHistory: try await WorkflowStepView.history(workflow: OrganizationWorkflows.verification.name,
                                                                subjectID: id, on: db),
            domains: domains.sorted(), representatives: representatives,
            memberships: try await memberships(\.$memberID), members: try await memberships(\.$networkID),
            updatedAt: organization.updatedAt)
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
