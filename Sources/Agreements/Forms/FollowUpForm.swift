import Foundation
import Platform

/// The follow-up form, with the API's field names; `progress` is typed, so it is read here.
struct FollowUpForm: InputForm {
    var commitmentID: String?
    var occurredOn: String?
    var text: String?
    var evidenceURL: String?
    var progress: String?

    /// The API's input, and the fields that are not even numbers.
    func input() -> (FollowUpInput, [FieldError]) {
        var errors: [FieldError] = []
        let percent = FormText.optionalInteger(progress, field: "progress", into: &errors)
        return (FollowUpInput(commitmentID: FormText.id(commitmentID), occurredOn: occurredOn, text: text,
                              evidenceURL: evidenceURL, progress: percent), errors)
    }
}
