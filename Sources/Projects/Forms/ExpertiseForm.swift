import Platform

/// An expertise request: `organization_id`, `project_id`, `domain_code`, `wilaya_code`, `language`, `subject`,
/// `description`.
struct ExpertiseForm: Decodable {
    var organizationID: String?
    var projectID: String?
    var domainCode: String?
    var wilayaCode: String?
    var language: String?
    var subject: String?
    var description: String?

    var input: ExpertiseInput {
        var input = ExpertiseInput()
        input.organizationID = FormText.id(organizationID)
        input.projectID = FormText.id(projectID)
        input.domainCode = domainCode
        input.wilayaCode = wilayaCode
        input.language = language
        input.subject = subject
        input.description = description
        return input
    }
}
