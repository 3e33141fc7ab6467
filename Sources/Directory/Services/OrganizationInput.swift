import Fluent
import Platform
import Vapor

/// An organisation as the API, the forms and the CSV import submit it. Absent fields are left as they are
/// on update.
public struct OrganizationInput: Content, Sendable {
    public var slug: String?
    public var kind: String?
    public var name: Translated?
    public var description: Translated?
    public var acronym: String?
    public var accreditationNumber: String?
    public var accreditationDate: String?
    public var wilayaCode: String?
    public var commune: String?
    public var address: String?
    public var email: String?
    public var phone: String?
    public var website: String?
    public var foundedOn: String?
    public var domains: [String]?

    public init() {}
}

extension OrganizationInput {
    /// The names of the fields present, for the audit entry of an update.
    var providedFields: [String] {
        let fields: [(String, Any?)] = [
            ("slug", slug), ("kind", kind), ("name", name), ("description", description), ("acronym", acronym),
            ("accreditation_number", accreditationNumber), ("accreditation_date", accreditationDate),
            ("wilaya_code", wilayaCode), ("commune", commune), ("address", address), ("email", email), ("phone", phone),
            ("website", website), ("founded_on", foundedOn), ("domains", domains),
        ]
        return fields.filter { $0.1 != nil }.map(\.0)
    }
}
