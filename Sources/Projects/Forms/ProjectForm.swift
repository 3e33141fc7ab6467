import Platform

/// The new-project form, with the API's field names: `title[ar|fr|en]`; `summary` and `social_need` in the
/// page's language; `budget_minor` and the amounts of `funding` (one `source: amount` a line) typed in currency
/// units, as people write them.
struct ProjectForm: Decodable {
    var organizationID: String?
    var title: Translated?
    var summary: String?
    var socialNeed: String?
    var beneficiaries: String?
    var domainCode: String?
    var wilayaCode: String?
    var budgetMinor: String?
    var funding: String?
    var partners: String?
    var startsOn: String?
    var endsOn: String?
    var expectedJobs: String?

    /// The API's input, and the typed numbers that could not be read.
    func input(in language: SiteLanguage) -> (ProjectInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = ProjectInput()
        input.organizationID = FormText.id(organizationID)
        input.title = title
        input.summary = Translated(language, summary ?? "")
        input.socialNeed = Translated(language, socialNeed ?? "")
        input.beneficiaries = beneficiaries
        input.domainCode = domainCode
        input.wilayaCode = wilayaCode
        input.budgetMinor = FormNumbers.minor(budgetMinor ?? "", field: "budget_minor", into: &errors)
        input.funding = FundingText.funding(funding ?? "", into: &errors)
        input.partners = partners
        input.startsOn = startsOn
        input.endsOn = endsOn
        input.expectedJobs = FormNumbers.integer(expectedJobs ?? "", field: "expected_jobs", into: &errors)
        return (input, errors)
    }
}
