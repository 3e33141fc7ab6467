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
    /// A step the workflow refuses as a whole (not possible from this state any more, changed meanwhile) comes
    /// back the same way with the refusal in the form's error summary, under the refusal's status; a step this
    /// person may not take stays an error page (403).
    public func submitting(_ work: () async throws -> Response,
                           refused: (FormState) async throws -> Response) async throws -> Response {
        let form: FormState
        var status = HTTPResponseStatus.unprocessableEntity
        do {
            return try await work()
        } catch let failure as ValidationFailure {
            form = FormState(posted: self, fieldErrors: failure.fieldErrors)
        } catch WorkflowError.reasonRequired {
            form = FormState(posted: self, fieldErrors: [FieldError("reason", "validation.required")])
        } catch let refusal as WorkflowError where refusal.status != .forbidden {
            form = FormState(posted: self, refusedBy: refusal)
            status = refusal.status
        }
        let response = try await refused(form)
        response.status = status
        return response
    }
}

extension Request {
    /// As ``submitting(_:refused:)``, and a refusal by the rules of a room (an `E` other than "not found": closed,
    /// over budget, not a member…) shown on the form sent, with its message and status.
    public func submitting<E: ShabakaError>(refusing: E.Type, _ work: () async throws -> Response,
                                            refused: (FormState) async throws -> Response) async throws -> Response {
        do {
            return try await submitting(work, refused: refused)
        } catch let error as E where error.status != .notFound {
            let response = try await refused(FormState(posted: self, refusedBy: error))
            response.status = error.status
            return response
        }
    }
}
