import Directory
import Fluent
import Platform
import Vapor

/// One agreement in full: parties, signatories, objectives, documents, commitments, follow-ups, history.
public struct AgreementDTO: Content {
    public struct Party: Content {
        let id: UUID
        let slug: String
        let name: Translated
    }

    public struct SignatoryDTO: Content {
        let organizationID: UUID
        let roleTitle: Translated
    }

    public struct DocumentDTO: Content {
        let title: Translated
        let url: String
    }

    public struct CommitmentDTO: Content {
        let id: UUID
        let ownerID: UUID
        let description: Translated
        let dueOn: String
        let state: String
        let progress: Int
        let late: Bool
        let strategyObjectiveID: UUID?
        let history: [WorkflowStepView]
    }

    public struct FollowUpDTO: Content {
        let id: UUID
        let commitmentID: UUID?
        let occurredOn: String
        let author: String
        let text: String
        let evidenceURL: String?
        let progress: Int?
    }

    let id: UUID
    let slug: String
    let kind: String
    let title: Translated
    let summary: Translated
    let signedOn: String?
    let signingPlace: Translated?
    let startsOn: String?
    let endsOn: String?
    let state: String
    let parties: [Party]
    let signatories: [SignatoryDTO]
    let objectives: [Translated]
    let documents: [DocumentDTO]
    let commitments: [CommitmentDTO]
    let followUps: [FollowUpDTO]
    let history: [WorkflowStepView]

    /// The agreement as a request's reader sees it (authors' names in their language).
    static func load(_ agreement: Agreement, for req: Request) async throws -> AgreementDTO {
        try await load(agreement, on: req.db, now: req.now, catalog: req.application.catalog, language: req.language)
    }

    static func load(
        _ agreement: Agreement, on db: any Database, now: Date, catalog: Catalog, language: SiteLanguage
    ) async throws -> AgreementDTO {
        let id = try agreement.requireID()
        let today = ISODate.string(now)
        let partyLinks = try await AgreementParty.query(on: db).filter(\.$agreementID == id).sort(\.$position).all()
        let organizations = try await Organization.query(on: db).filter(\.$id ~~ partyLinks.map(\.organizationID)).all()
        let parties = partyLinks.compactMap { link -> Party? in
            guard let org = organizations.first(where: { $0.id == link.organizationID }) else { return nil }
            return Party(id: link.organizationID, slug: org.slug, name: org.name)
        }
        let commitments = try await Commitment.query(on: db).filter(\.$agreementID == id).sort(\.$dueOn).all()
        var commitmentDTOs: [CommitmentDTO] = []
        for commitment in commitments {
            let commitmentID = try commitment.requireID()
            let history = try await WorkflowStep.history(workflow: "commitment", subjectID: commitmentID, on: db)
            commitmentDTOs.append(CommitmentDTO(
                id: commitmentID, ownerID: commitment.ownerID, description: commitment.summary, dueOn: commitment.dueOn,
                state: commitment.state.rawValue, progress: commitment.progress, late: commitment.isOverdue(today: today),
                strategyObjectiveID: commitment.strategyObjectiveID, history: try await WorkflowStepView.list(history, on: db)))
        }
        let followUps = try await FollowUp.query(on: db).filter(\.$agreementID == id)
            .sort(\.$occurredOn, .descending).sort(\.$createdAt, .descending).all()
        let authors = try await AuthorNames.load(followUps.map(\.authorID), on: db, catalog: catalog, language: language)
        return AgreementDTO(
            id: id, slug: agreement.slug, kind: agreement.kind.rawValue, title: agreement.title, summary: agreement.summary,
            signedOn: agreement.signedOn, signingPlace: agreement.signingPlace, startsOn: agreement.startsOn,
            endsOn: agreement.endsOn, state: agreement.state.rawValue, parties: parties,
            signatories: try await Signatory.query(on: db).filter(\.$agreementID == id).all().map {
                SignatoryDTO(organizationID: $0.organizationID, roleTitle: $0.roleTitle)
            },
            objectives: try await AgreementObjective.query(on: db).filter(\.$agreementID == id).sort(\.$position).all()
                .map(\.text),
            documents: try await AgreementDocument.query(on: db).filter(\.$agreementID == id).all().map {
                DocumentDTO(title: $0.title, url: $0.url)
            },
            commitments: commitmentDTOs,
            followUps: try followUps.map {
                FollowUpDTO(id: try $0.requireID(), commitmentID: $0.commitmentID, occurredOn: $0.occurredOn,
                            author: authors.name(of: $0.authorID, stored: $0.authorName), text: $0.text, evidenceURL: $0.evidenceURL, progress: $0.progress)
            },
            history: try await WorkflowStepView.history(workflow: "agreement", subjectID: id, on: db))
    }
}
