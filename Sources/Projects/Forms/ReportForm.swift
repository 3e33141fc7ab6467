import Platform

/// The follow-up report form, with the API's field names: jobs by sex and age group
/// (`jobs_created_breakdown[sex][f]`…), whose sex figures add up to the totals; `revenue_minor` typed in
/// currency units. An empty count is zero.
struct ReportForm: InputForm {
    var period: String?
    var narrative: String?
    var milestones: String?
    var jobsCreatedBreakdown: [String: [String: String]]?
    var jobsSustainedBreakdown: [String: [String: String]]?
    var beneficiaries: String?
    var revenueMinor: String?
    var volunteers: String?

    /// The API's input, and the typed numbers that could not be read.
    func input() -> (ReportInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = ReportInput()
        input.period = period
        input.narrative = narrative
        input.milestones = milestones
        (input.jobsCreated, input.jobsCreatedBreakdown) = Self.jobs(jobsCreatedBreakdown, "jobs_created_breakdown",
                                                                    into: &errors)
        (input.jobsSustained, input.jobsSustainedBreakdown) = Self.jobs(jobsSustainedBreakdown, "jobs_sustained_breakdown",
                                                                        into: &errors)
        input.beneficiaries = FormNumbers.integer(beneficiaries ?? "", field: "beneficiaries", default: 0, into: &errors)
        let revenue = (revenueMinor ?? "").trimmingCharacters(in: .whitespaces)
        input.revenueMinor = revenue.isEmpty ? 0 : FormNumbers.minor(revenue, field: "revenue_minor", into: &errors)
        input.volunteers = FormNumbers.integer(volunteers ?? "", field: "volunteers", default: 0, into: &errors)
        return (input, errors)
    }

    /// Jobs typed by sex (their sum is the total) and, when any is typed, by age group.
    static func jobs(_ typed: [String: [String: String]]?, _ field: String, into errors: inout [FieldError])
        -> (Int, Breakdown)
    {
        func read(_ dimension: String, _ category: String, default value: Int?) -> Double? {
            let text = typed?[dimension]?[category] ?? ""
            if text.trimmingCharacters(in: .whitespaces).isEmpty, value == nil { return nil }
            return FormNumbers.integer(text, field: "\(field).\(dimension).\(category)", default: value, into: &errors)
                .map(Double.init)
        }
        var bySex: [String: Double] = [:], byAge: [String: Double] = [:]
        for sex in ReportService.dimensions["sex"]?.sorted() ?? [] { bySex[sex] = read("sex", sex, default: 0) }
        for group in ReportService.dimensions["age_group"]?.sorted() ?? [] { byAge[group] = read("age_group", group, default: nil) }
        let total = SafeNumber.integer(bySex.values.reduce(0, +)) ?? 0
        return (total, byAge.isEmpty ? ["sex": bySex] : ["sex": bySex, "age_group": byAge])
    }
}
