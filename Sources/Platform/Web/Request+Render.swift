import Vapor

extension Request {
    /// Renders a view with a status other than 200 (form errors: 422, wrong password: 401).
    public func render(_ view: String, _ context: some Encodable, status: HTTPResponseStatus = .ok) async throws -> Response {
        let response = try await self.view.render(view, context).encodeResponse(for: self)
        response.status = status
        return response
    }

    /// A redirect after a successful form post (303, so the browser follows with GET).
    public func seeOther(_ location: String) -> Response {
        redirect(to: location, redirectType: .normal)
    }
}
