import Platform

/// The decision on a difficulty: the chosen `solution_id`, `reason`, `owner`, `deadline`.
struct DecisionForm: Decodable {
    var solutionID: String?
    var reason: String?
    var owner: String?
    var deadline: String?

    var input: DecisionInput {
        var input = DecisionInput()
        input.solutionID = FormText.id(solutionID)
        input.reason = reason
        input.owner = owner
        input.deadline = deadline
        return input
    }
}
