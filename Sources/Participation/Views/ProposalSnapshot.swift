import Directory
import Fluent
import Platform
import Projects
import SQLKit
import Vapor

/// What a proposal's page shows to everyone, as read at one revision of its process and of people's names
/// (``ParticipationRevisions``), kept by ``ParticipationCache`` per language: the proposal, its process, author,
/// organisation, versions, merges, project and history. The viewer's own part (endorsed, following, forms) is
/// read for each request. The models are shared between requests: read them, never change them.
struct ProposalSnapshot: @unchecked Sendable {
    let proposal: Proposal
    let process: ParticipationCache.ProcessSnapshot
    let names: Int64
    let author: String
    let organization: String?
    let versions: [ProposalPageContext.VersionLine]
    let mergedInto: ProposalPageContext.LinkLine?
    let mergedFrom: [ProposalPageContext.LinkLine]
    let projectSlug: String?
    let history: [WorkflowStepView]

    /// The proposal with this id, and the revisions read for this request (its process, then its comments); nil
    /// when there is none.
    static func load(_ id: UUID, _ req: Request) async throws -> (ProposalSnapshot, ParticipationRevisions)? {
        let cache = req.application.participationCache
        guard let processID = try await cache.processOf(proposal: id, on: req.db) else { return nil }
        let revisions = try await ParticipationRevisions.read([processID, id], on: req.db)
        let key = "\(id.uuidString)|\(req.language.rawValue)"
        if let known = cache.proposal(key), known.process.revision == revisions.revisions[0], known.names == revisions.names,
           known.process.names == revisions.names {
            return (known, revisions)
        }
        guard let process = try await cache.process(id: processID, on: req.db),
              let proposal = try await Proposal.find(id, on: req.db) else { return nil }
        let names = try await req.reader.authorNames([proposal.authorID], on: req.db)
        let organization = try await proposal.organizationID.asyncMap { try await Organization.find($0, on: req.db) }
        let versions = proposal.version > 1
            ? try await ProposalVersion.query(on: req.db).filter(\.$proposalID == id).sort(\.$version).all() : []
        let mergedInto = try await proposal.mergedIntoID.asyncMap { try await Proposal.find($0, on: req.db) }
        let mergedFrom = try await Proposal.query(on: req.db).filter(\.$mergedIntoID == id).all()
        let project = try await proposal.projectID.asyncMap { try await Project.find($0, on: req.db) }
        let snapshot = ProposalSnapshot(
            proposal: proposal, process: process,
            // Older than what was read: the next request reads again rather than keep a name that changed meanwhile.
            names: revisions.names,
            author: names.name(of: proposal.authorID, stored: ""),
            organization: organization.map { LocalizedText($0.name, in: req.language).text },
            versions: versions.map { .init(version: $0.version, title: $0.title, body: $0.body, reason: $0.reason,
                                           editedAt: $0.editedAt) },
            mergedInto: try mergedInto.map { .init(id: try $0.requireID().uuidString, title: $0.title) },
            mergedFrom: try mergedFrom.map { .init(id: try $0.requireID().uuidString, title: $0.title) },
            projectSlug: project?.slug,
            history: try await WorkflowStepView.history(workflow: "proposal", subjectID: id, on: req.db))
        // Kept only when read at the revision the request started from (a write in between makes it older).
        if process.revision == revisions.revisions[0], process.names == revisions.names { cache.storeProposal(key, snapshot) }
        return (snapshot, revisions)
    }
}
