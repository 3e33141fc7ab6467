import Foundation
import Platform

/// The membership application form, with the API's field names (`network_id`, `organization_id`, `motivation`,
/// `accreditation_number`, `accreditation_date`, `domains[]`, `references`).
struct ApplicationForm: Decodable {
    var networkID: String?
    var organizationID: String?
    var motivation: String?
    var accreditationNumber: String?
    var accreditationDate: String?
    var domains: [String]?
    var references: String?

    /// The API's input (a choice that is no id is no choice: the service says "required").
    var input: ApplicationInput {
        ApplicationInput(networkID: FormText.id(networkID), organizationID: FormText.id(organizationID),
                         motivation: motivation,
                         accreditationNumber: accreditationNumber, accreditationDate: accreditationDate,
                         domains: domains ?? [], references: references)
    }
}
