import Directory
import Platform
import Vapor

/// One proposal of a list, rendered once per language and content (`participation/proposal-card`): a list page
/// of twenty cards is then twenty lookups, not twenty renderings.
struct ProposalCard: Encodable {
    let id: String
    let link: String
    let title: String
    let state: String
    let wilaya: String?
    let domain: String?
    let endorsements: Int
    /// The process shows counts to this viewer now.
    let showCount: Bool
    let comments: Int
    let publishedAt: Date?
    let endorsedByViewer: Bool
    let answered: Bool

    static func make(_ rows: [ProposalRow], _ req: Request) async throws -> [String] {
        let reference = try await req.referenceData()
        let domains = Dictionary(uniqueKeysWithValues: reference.domains.map { ($0.code, $0.name) })
        let cache = req.application.participationCache
        var cards: [String] = []
        for row in rows {
            let card = ProposalCard(
                id: row.id.uuidString, link: ParticipationSiteURL.proposals.path(in: req.language), title: row.title,
                state: row.state, wilaya: row.wilayaCode.map { reference.wilaya($0)?.name(in: req.language) ?? $0 },
                domain: row.domainCode.flatMap { domains[$0]?.resolve(in: req.language).text },
                endorsements: row.endorsements ?? 0, showCount: row.endorsements != nil, comments: row.comments,
                publishedAt: row.publishedAt, endorsedByViewer: row.endorsedByViewer, answered: row.answered)
            let key = card.key(req.language)
            if let html = cache.fragment(key) {
                cards.append(html)
                continue
            }
            let html = String(buffer: try await req.view.render("participation/proposal-card", card).data)
            cache.storeFragment(key, html)
            cards.append(html)
        }
        return cards
    }

    /// Everything the card shows, in one string.
    func key(_ language: SiteLanguage) -> String {
        ["card", language.rawValue, id, link, title, state, wilaya ?? "", domain ?? "", String(endorsements),
         showCount ? "1" : "0", String(comments), publishedAt.map { String($0.timeIntervalSince1970) } ?? "",
         endorsedByViewer ? "1" : "0", answered ? "1" : "0"].joined(separator: "\u{1F}")
    }
}
