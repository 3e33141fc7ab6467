import Foundation

extension ExpertiseRequest {
    struct View: Encodable {
        let id: String
        let subject: String
        let description: String
        let domain: String
        let wilaya: String?
        let language: String
        let state: String
        let feedback: String?
        let rating: Int?

        init(_ request: ExpertiseRequest, domain: String, wilaya: String?, language: String) {
            id = request.id?.uuidString ?? ""
            subject = request.subject
            description = request.details
            self.domain = domain
            self.wilaya = wilaya
            self.language = language
            state = request.state.rawValue
            feedback = request.feedback
            rating = request.rating
        }
    }
}
