import Platform
import Vapor
import Voting

/// `Voting`'s explanation of one project, as a sentence in the page's language (`election.explain.<kind>`).
enum ExplanationText {
    static func sentence(_ explanation: ProjectExplanation, _ req: Request) -> String {
        let language = req.language
        func money(_ amount: Int64?) -> String { ElectionPageContext.money(amount ?? 0, req) }
        func share(_ amount: Double?) -> String {
            let minor = Int64(((amount ?? 0) * 100).rounded())
            return MoneyText.format(minor, currency: "DZD", in: language, catalog: req.application.catalog)
        }
        func count(_ value: Int?) -> String { NumberText.integer(value ?? 0, in: language) }
        let score = NumberText.integer(explanation.score ?? 0, in: language)
        switch explanation.kind {
        case .greedyFunded, .greedySkipped, .completionFunded, .completionSkipped:
            return req.t("election.explain." + explanation.kind.rawValue, count(explanation.rank), score,
                         money(explanation.cost), money(explanation.remainingBudget))
        case .mesFunded:
            let paid = req.t("election.explain.mes_funded", count(explanation.round), count(explanation.payers),
                             share(explanation.paymentPerPayer))
            guard (explanation.partialPayers ?? 0) > 0 else { return paid }
            return paid + " " + req.t("election.explain.mes_partial", count(explanation.partialPayers),
                                      share(explanation.partialPayment))
        case .mesUnaffordable:
            return req.t("election.explain.mes_unaffordable", count(explanation.supporters),
                         share(explanation.supportersBudget), money(explanation.cost))
        case .mesNoSupporters:
            return req.t("election.explain.mes_no_supporters")
        case .exclusive:
            let other = Int(explanation.excludedBy ?? "").map { NumberText.integer($0, in: language) } ?? ""
            return req.t("election.explain.exclusive", other)
        }
    }
}
