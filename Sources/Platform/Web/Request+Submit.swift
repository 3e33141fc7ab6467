import Vapor

/// A page form whose texts become an API input, reporting the fields that are not numbers (`…Form.input()`).
public protocol InputForm: Decodable {
    associatedtype Input
    func input() -> (Input, [FieldError])
}

extension Request {
    /// The posted form's input. Fields that are not numbers are refused together with the input's other
    /// problems (`validate`, the API's own check), so the page shows every problem at once.
    public func input<F: InputForm>(_ form: F.Type, validatedBy validate: (F.Input) -> [FieldError] = { _ in [] })
        throws -> F.Input
    {
        let (input, unread) = try self.form(F.self).input()
        guard unread.isEmpty else { throw ValidationFailure(unread + validate(input)) }
        return input
    }

    /// Does what a page form asks (usually ending in a redirect). Refused input, or a step without the written
    /// reason it needs, comes back to `refused` as the form as posted with its errors, to show the page again (422).
    public func submitting(_ work: () async throws -> Response,
                           refused: (FormState) async throws -> Response) async throws -> Response {
        let errors: [FieldError]
        do {
            return try await work()
        } catch let failure as ValidationFailure {
            errors = failure.fieldErrors
        } catch WorkflowError.reasonRequired {
            errors = [FieldError("reason", "validation.required")]
        }
        let response = try await refused(FormState(posted: self, fieldErrors: errors))
        response.status = .unprocessableEntity
        return response
    }
}
