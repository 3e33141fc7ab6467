import Platform
import Vapor

/// An association's training need: the number of people typed as text.
struct NeedForm: Decodable, InputForm {
    var organizationID: String?
    var domainCode: String?
    var dimension: String?
    var description: String?
    var people: String?

    func input() -> (NeedInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = NeedInput()
        input.organizationID = Validate.id(organizationID, field: "organization_id", into: &errors)
        (input.domainCode, input.dimension, input.description) = (domainCode, dimension, description)
        input.people = FormNumbers.integer(people ?? "", field: "people", default: 1, into: &errors)
        return (input, errors)
    }
}

/// The needs an event answers: the boxes ticked.
struct NeedLinkForm: Decodable {
    var needIDs: [String]?
}

/// The self-assessment grid: one choice per dimension (`levels[governance]`…).
struct AssessmentForm: Decodable, InputForm {
    var organizationID: String?
    var levels: [String: String]?

    func input() -> (AssessmentInput, [FieldError]) {
        var errors: [FieldError] = []
        var chosen: [String: Int] = [:]
        for (dimension, text) in levels ?? [:] {
            if let level = Int(text) { chosen[dimension] = level }
        }
        let input = AssessmentInput(organizationID: Validate.id(organizationID, field: "organization_id", into: &errors),
                                    levels: chosen)
        return (input, errors)
    }
}

/// Feedback after an event: the rating chosen, the box, the comment.
struct FeedbackForm: Decodable, InputForm {
    var registrationID: String?
    var rating: String?
    var useful: String?
    var comment: String?

    func input() -> (FeedbackInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = FeedbackInput()
        input.registrationID = Validate.id(registrationID, field: "registration_id", into: &errors)
        input.rating = Validate.trimmed(rating).flatMap(Int.init)
        (input.useful, input.comment) = (useful == "true", comment)
        return (input, errors)
    }
}
