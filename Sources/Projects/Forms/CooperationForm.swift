import Platform

/// A cooperation link: `partner_id`, and `project_id` or `agreement_id`, `nature`, `description`, `since`.
struct CooperationForm: Decodable {
    var partnerID: String?
    var projectID: String?
    var agreementID: String?
    var nature: String?
    var description: String?
    var since: String?

    var input: CooperationInput {
        var input = CooperationInput()
        input.partnerID = FormText.id(partnerID)
        input.projectID = FormText.id(projectID)
        input.agreementID = FormText.id(agreementID)
        input.nature = nature
        input.description = description
        input.since = since
        return input
    }
}
