import Fluent
import Platform
import Vapor

/// An expertise request as the API answers it, with the ranked experts when asked.
struct ExpertiseDTO: Content {
    struct MatchDTO: Content {
        let personID: UUID
        let name: String
        let score: Int
        let reasons: [ExpertMatcher.Reason]
    }
    let id: UUID
    let organizationID: UUID
    let projectID: UUID?
    let domainCode: String
    let wilayaCode: String?
    let language: String
    let subject: String
    let description: String
    let state: String
    let expertID: UUID?
    let feedback: String?
    let rating: Int?
    let requestedBy: String
    let requestedAt: Date
    let matches: [MatchDTO]?
    let history: [WorkflowStepView]?
    let messages: [MessageDTO]?
    let contacts: ExpertiseContacts?

    struct MessageDTO: Content {
        let kind: String
        let author: String
        let body: String
        let at: Date?
    }

    init(_ request: ExpertiseRequest, matches: [ExpertMatcher.Match]? = nil, history: [WorkflowStepView]? = nil,
         messages: [MessageDTO]? = nil, contacts: ExpertiseContacts? = nil) throws {
        id = try request.requireID()
        organizationID = request.organizationID
        projectID = request.projectID
        domainCode = request.domainCode
        wilayaCode = request.wilayaCode
        language = request.language
        subject = request.subject
        description = request.details
        state = request.state.rawValue
        expertID = request.expertID
        feedback = request.feedback
        rating = request.rating
        requestedBy = request.requestedBy
        requestedAt = request.requestedAt
        self.matches = matches?.map {
            MatchDTO(personID: $0.candidate.id, name: $0.candidate.name, score: $0.score, reasons: $0.reasons)
        }
        self.history = history
        self.messages = messages
        self.contacts = contacts
    }
}
