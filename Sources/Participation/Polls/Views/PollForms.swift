import Platform
import Vapor

/// The organiser's form for a poll: its place (`process_id` or, from an assembly's page, `assembly_id`), the
/// question, the method, the options one per line, the window.
struct PollForm: Decodable, InputForm {
    var processID: String?
    var assemblyID: String?
    var debateID: String?
    var title: String?
    var description: String?
    var language: String?
    var method: String?
    var allowAbstain: String?
    var resultsVisibility: String?
    var opensAt: String?
    var closesAt: String?
    var options: String?

    func input() -> (PollInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = PollInput()
        input.processID = Validate.id(processID, field: "process_id", into: &errors)
        input.assemblyID = Validate.id(assemblyID, field: "assembly_id", into: &errors)
        input.debateID = Validate.id(debateID, field: "debate_id", into: &errors)
        (input.title, input.description, input.language, input.method) = (title, description, language, method)
        input.allowAbstain = allowAbstain == "true"
        (input.resultsVisibility, input.opensAt, input.closesAt) = (resultsVisibility, Validate.trimmed(opensAt), Validate.trimmed(closesAt))
        input.options = (options ?? "").split(whereSeparator: \.isNewline).map(String.init)
        return (input, errors)
    }
}

/// A vote from the poll's page: `choice` (one option), `choices[]` (boxes), or `ranks[]` (a rank or nothing for each
/// option, in the options' order); `abstain` from its own button; the member organisation in an assembly.
struct PollVoteForm: Decodable, InputForm {
    var choice: String?
    var choices: [String]?
    var ranks: [String]?
    var abstain: String?
    var organizationID: String?

    func input() -> (PollVoteInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = PollVoteInput(abstain: abstain == "true")
        input.organizationID = Validate.id(organizationID, field: "organization_id", into: &errors)
        if let ranks {
            // Ranks given to options 1, 2, … in order; the options ranked, best first. Two options on one rank are
            // refused.
            let ranked = ranks.enumerated().compactMap { index, rank in
                Validate.trimmed(rank).flatMap(Int.init).map { (position: index + 1, rank: $0) }
            }
            if Set(ranked.map(\.rank)).count != ranked.count { errors.append(FieldError("choices", "poll.validation.same_rank")) }
            input.choices = ranked.sorted { $0.rank < $1.rank }.map(\.position)
        } else if let choice = Validate.trimmed(choice) {
            input.choices = [Int(choice) ?? 0]
        } else {
            input.choices = (choices ?? []).compactMap { Int($0) }
        }
        return (input, errors)
    }
}

struct PollOutcomeForm: Decodable, InputForm {
    var outcome: String?
    func input() -> (PollOutcomeInput, [FieldError]) { (PollOutcomeInput(outcome: outcome), []) }
}

/// The form calling an assembly; the declared weights come as `weights[<organisation id>]` fields.
struct AssemblyForm: Decodable {
    var networkID: String?
    var title: String?
    var description: String?
    var language: String?
    var weightRule: String?
    var opensAt: String?
    var closesAt: String?
    var weights: [String: String]?

    func input() -> (AssemblyInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = AssemblyInput()
        input.networkID = Validate.id(networkID, field: "network_id", into: &errors)
        (input.title, input.description, input.language, input.weightRule) = (title, description, language, weightRule)
        (input.opensAt, input.closesAt) = (opensAt, closesAt)
        var declared: [String: Int] = [:]
        for (id, value) in weights ?? [:] {
            guard let text = Validate.trimmed(value) else { continue }
            if let weight = FormNumbers.integer(text, field: "weights." + id, into: &errors) { declared[id] = weight }
        }
        input.weights = declared
        return (input, errors)
    }
}

struct DelegationForm: Decodable {
    var fromOrganizationID: String?
    var toOrganizationID: String?

    func input() -> (DelegationInput, [FieldError]) {
        var errors: [FieldError] = []
        let input = DelegationInput(from: Validate.id(fromOrganizationID, field: "from_organization_id", into: &errors),
                                    to: Validate.id(toOrganizationID, field: "to_organization_id", into: &errors))
        return (input, errors)
    }
}
