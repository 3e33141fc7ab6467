import Directory
import Platform
import Vapor

/// The parts of a proposal's page that are the same for every viewer (title, author, text, versions, merges,
/// project; the history), rendered once per language and revision (``ProposalSnapshot``) and kept by the room's
/// cache: the key names the proposal, its process revision and the names' revision, so a change makes a new key.
struct ProposalHead: Encodable {
    struct Links: Encodable {
        let proposals: String
        let projects: String
    }

    struct ProcessTitle: Encodable {
        let title: LocalizedText
    }

    let processPath: String
    let process: ProcessTitle
    let proposal: ProposalPageContext.ProposalView
    let wilaya: String?
    let domain: String?
    let organization: String?
    let author: String
    let similar: [SimilarProposal]
    let versions: [ProposalPageContext.VersionLine]
    let mergedInto: ProposalPageContext.LinkLine?
    let mergedFrom: [ProposalPageContext.LinkLine]
    let projectSlug: String?
    let links: Links

    static func key(_ part: String, _ snapshot: ProposalSnapshot, _ req: Request) -> String {
        [part, req.language.rawValue, snapshot.proposal.id?.uuidString ?? "", String(snapshot.process.revision),
         String(snapshot.names)].joined(separator: "\u{1F}")
    }

    /// A draft (with the similar proposals its author is shown) is rendered each time: it is seen by one person.
    static func rendered(_ snapshot: ProposalSnapshot, proposal: ProposalPageContext.ProposalView, process: ProcessView,
                         similar: [SimilarProposal], reference: ReferenceData, _ req: Request) async throws -> String
    {
        let cache = req.application.participationCache
        let key = snapshot.proposal.state == .draft ? nil : Self.key("phead", snapshot, req)
        if let key, let html = cache.fragment(key) { return html }
        let source = snapshot.proposal
        let head = ProposalHead(
            processPath: ProcessesWebController.path(snapshot.process.process, req), process: .init(title: process.title),
            proposal: proposal, wilaya: source.wilayaCode.map { reference.wilaya($0)?.name(in: req.language) ?? $0 },
            domain: source.domainCode.flatMap { code in
                reference.domains.first { $0.code == code }?.name.resolve(in: req.language).text },
            organization: snapshot.organization, author: snapshot.author, similar: similar, versions: snapshot.versions,
            mergedInto: snapshot.mergedInto, mergedFrom: snapshot.mergedFrom, projectSlug: snapshot.projectSlug,
            links: .init(proposals: ParticipationSiteURL.proposals.path(in: req.language),
                         projects: req.application.siteLinks.paths(in: req.language)["projects"] ?? ""))
        let html = String(buffer: try await req.view.render("participation/proposal-head", head).data)
        if let key { cache.storeFragment(key, html) }
        return html
    }

    struct History: Encodable {
        let history: [WorkflowStepView]
    }

    static func history(_ snapshot: ProposalSnapshot, _ req: Request) async throws -> String {
        let cache = req.application.participationCache
        let key = Self.key("phistory", snapshot, req)
        if let html = cache.fragment(key) { return html }
        let html = String(buffer: try await req.view.render("participation/proposal-history",
                                                            History(history: snapshot.history)).data)
        cache.storeFragment(key, html)
        return html
    }
}
