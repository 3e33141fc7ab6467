import Platform
import Projects
import Vapor

/// The process form: texts in three languages, settings typed as text, up to ``rows`` phases as
/// `phases[0][kind]`, `phases[0][starts_on]`… (rows left empty are ignored).
struct ProcessForm: InputForm {
    struct PhaseRow: Decodable {
        var kind: String?
        var startsOn: String?
        var endsOn: String?
    }

    static let rows = 5

    var slug: String?
    var title: Translated?
    var description: Translated?
    var organizerID: String?
    var scopeWilayas: [String]?
    var endorsementThreshold: String?
    var endorsementsPerPerson: String?
    var proposalsPerPerson: String?
    var countsVisible: String?
    var stances: String?
    var premoderation: String?
    var phases: [String: PhaseRow]?

    func input() -> (ProcessInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = ProcessInput()
        input.slug = slug
        input.title = title
        input.description = description
        input.organizerID = organizerID.flatMap { UUID(uuidString: $0) }
        if input.organizerID == nil, Validate.trimmed(organizerID) != nil {
            errors.append(FieldError("organizer_id", "validation.invalid_choice"))
        }
        input.scopeWilayas = scopeWilayas?.filter { !$0.isEmpty }
        input.endorsementThreshold = FormNumbers.integer(endorsementThreshold ?? "", field: "endorsement_threshold", into: &errors)
        input.endorsementsPerPerson = Validate.trimmed(endorsementsPerPerson).flatMap {
            FormNumbers.integer($0, field: "endorsements_per_person", into: &errors)
        }
        input.proposalsPerPerson = Validate.trimmed(proposalsPerPerson).flatMap {
            FormNumbers.integer($0, field: "proposals_per_person", into: &errors)
        }
        input.countsVisible = countsVisible == "1"
        input.stances = stances == "1"
        input.premoderation = premoderation == "1"
        let rows = (phases ?? [:]).compactMap { key, row in Int(key).map { ($0, row) } }.sorted { $0.0 < $1.0 }
        input.phases = rows.filter { _, row in
            [row.kind, row.startsOn, row.endsOn].contains { Validate.trimmed($0) != nil }
        }.map { _, row in ProcessInput.Phase(kind: row.kind, startsOn: row.startsOn, endsOn: row.endsOn) }
        return (input, errors)
    }

    /// A stored process as the form shows it.
    static func values(_ process: ParticipatoryProcess, phases: [ProcessPhase]) -> [String: String] {
        var values: [String: String] = [
            "slug": process.slug, "organizer_id": process.organizerID.uuidString,
            "endorsement_threshold": "\(process.endorsementThreshold)",
            "endorsements_per_person": process.endorsementsPerPerson.map { "\($0)" } ?? "",
            "proposals_per_person": process.proposalsPerPerson.map { "\($0)" } ?? "",
            "counts_visible": process.countsVisible ? "1" : "", "stances": process.stances ? "1" : "",
            "premoderation": process.premoderation ? "1" : "",
        ]
        for language in SiteLanguage.allCases {
            values["title_" + language.rawValue] = process.title.value(in: language) ?? ""
            values["description_" + language.rawValue] = process.details.value(in: language) ?? ""
        }
        for (index, phase) in phases.enumerated() {
            values["phases_\(index)_kind"] = phase.kind.rawValue
            values["phases_\(index)_starts_on"] = phase.startsOn
            values["phases_\(index)_ends_on"] = phase.endsOn
        }
        return values
    }
}

/// The proposal form; `organization_id` is empty for a personal proposal.
struct ProposalForm: Decodable {
    var title: String?
    var body: String?
    var wilayaCode: String?
    var domainCode: String?
    var organizationID: String?
    var reason: String?

    func input(process: UUID?) -> ProposalInput {
        var input = ProposalInput()
        input.processID = process
        input.title = title
        input.body = body
        input.wilayaCode = wilayaCode
        input.domainCode = domainCode
        input.organizationID = organizationID.flatMap { UUID(uuidString: $0) }
        return input
    }
}

/// The evaluator's study: notes, an estimated cost typed in dinars, feasibility.
struct EvaluationForm: InputForm {
    var notes: String?
    var costMinor: String?
    var feasibility: String?

    func input() -> (AnswerService.EvaluationInput, [FieldError]) {
        var errors: [FieldError] = []
        let cost = Validate.trimmed(costMinor).flatMap { FormNumbers.minor($0, field: "cost_minor", into: &errors) }
        return (AnswerService.EvaluationInput(notes: notes, costMinor: cost, feasibility: feasibility), errors)
    }
}

/// Turning an accepted proposal into a project: the association that carries it, dates, budget, jobs.
struct ProjectFromProposalForm: InputForm {
    var organizationID: String?
    var socialNeed: String?
    var beneficiaries: String?
    var budgetMinor: String?
    var startsOn: String?
    var endsOn: String?
    var expectedJobs: String?
    var domainCode: String?
    var wilayaCode: String?

    func input() -> (ProjectFromProposal, [FieldError]) {
        var errors: [FieldError] = []
        var input = ProjectFromProposal()
        input.organizationID = organizationID.flatMap { UUID(uuidString: $0) }
        input.socialNeed = socialNeed
        input.beneficiaries = beneficiaries
        input.budgetMinor = FormNumbers.minor(budgetMinor ?? "", field: "budget_minor", into: &errors)
        input.startsOn = startsOn
        input.endsOn = endsOn
        input.expectedJobs = FormNumbers.integer(expectedJobs ?? "", field: "expected_jobs", into: &errors)
        input.domainCode = domainCode
        input.wilayaCode = wilayaCode
        return (input, errors)
    }
}

/// What the organiser adds to an accepted proposal to make it a project; the title, summary and need come from
/// the proposal.
public struct ProjectFromProposal: Content, Sendable {
    public var organizationID: UUID?
    /// The social need the project answers, in the proposal's language.
    public var socialNeed: String?
    public var beneficiaries: String?
    public var budgetMinor: Int64?
    public var startsOn: String?
    public var endsOn: String?
    public var expectedJobs: Int?
    public var domainCode: String?
    public var wilayaCode: String?
    public init() {}
}

extension ProjectFromProposal {
    /// The draft project: its title and summary given (a proposal's, a funded election project's), in the language
    /// they are written in; the rest from what the organiser added, the domain and wilaya defaulting to the source's.
    func projectInput(title: String, summary: String, domainCode: String?, wilayaCode: String?,
                      budgetMinor defaultBudget: Int64? = nil) -> ProjectInput
    {
        let arabic = title.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
        func text(_ value: String?) -> Translated? {
            guard let value = Validate.trimmed(value) else { return nil }
            return arabic ? Translated(ar: value) : Translated(fr: value)
        }
        var input = ProjectInput()
        input.organizationID = organizationID
        input.title = text(String(title.prefix(200)))
        input.summary = text(String(summary.prefix(2000)))
        input.socialNeed = text(socialNeed)
        input.beneficiaries = beneficiaries
        input.budgetMinor = budgetMinor ?? defaultBudget
        input.startsOn = startsOn
        input.endsOn = endsOn
        input.expectedJobs = expectedJobs
        input.domainCode = Validate.trimmed(self.domainCode) ?? domainCode
        input.wilayaCode = Validate.trimmed(self.wilayaCode) ?? wilayaCode
        return input
    }
}
