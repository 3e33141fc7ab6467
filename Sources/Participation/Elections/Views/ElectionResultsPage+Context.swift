import Directory
import Fluent
import Platform
import Projects
import Vapor

/// The results page: for each budget every project, funded or not, with the reason in the page's language; the
/// ballots file of each budget; turnout by channel, wilaya, sex and age group (groups under ten withheld).
struct ElectionResultsPageContext: Encodable {
    struct Line: Encodable {
        let number: Int
        let title: String
        let cost: String
        let funded: Bool
        let excluded: Bool
        let why: String
        /// The page of the project it became, once funded and made one.
        let project: String?
        /// For the organisers: the page that makes the funded project a project of the Projects room.
        let makeProject: String?
    }

    struct Block: Encodable {
        let label: String
        let amount: String
        let ballots: Int
        let spent: String
        let lines: [Line]
        let file: String
    }

    struct TurnoutRow: Encodable {
        let group: String
        let voters: Int?
    }

    struct TurnoutTable: Encodable {
        let dimension: String
        let rows: [TurnoutRow]
    }

    let page: PageMeta
    let title: String
    let lang: String
    let dir: String
    let path: String
    let rule: String
    let blocks: [Block]
    let voters: Int
    let turnout: [TurnoutTable]
    let threshold: Int
    let stations: [ElectionResults.StationLine]

    static func make(_ election: BudgetElection, _ req: Request) async throws -> ElectionResultsPageContext {
        let results = try await ElectionResults.load(election, on: req.db, now: req.now)
        let page = try await PageMeta.make(for: req, titleKey: "election.results_title", election.title)
        let wilayas = Dictionary(try await Wilaya.query(on: req.db).all().map { ($0.id ?? "", $0) },
                                 uniquingKeysWith: { first, _ in first })
        func wilayaName(_ code: String?) -> String? {
            code.flatMap { wilayas[$0] }.map { req.language == .ar ? $0.nameArabic : $0.nameFrench }
        }
        let id = try election.requireID().uuidString.lowercased()
        let linked = results.budgets.flatMap(\.projects).compactMap(\.projectID)
        let slugs = Dictionary(try await Project.query(on: req.db).filter(\.$id ~~ linked).all()
            .map { (try $0.requireID(), $0.slug) }, uniquingKeysWith: { first, _ in first })
        let organizer = try await ElectionAuthoring.isOrganizer(req.currentUser, of: election, on: req.db)
        let projectsPath = ProjectsSiteURL.projects.path(in: req.language)
        let path = ElectionPageContext.path(election, req)
        let blocks = results.budgets.map { budget in
            Block(label: wilayaName(budget.wilayaCode) ?? req.t("election.national_budget"),
                  amount: ElectionPageContext.money(budget.amount, req), ballots: budget.ballots,
                  spent: ElectionPageContext.money(budget.totalCost, req),
                  lines: budget.projects.map { project in
                      Line(number: project.number, title: project.title, cost: ElectionPageContext.money(project.cost, req),
                           funded: project.funded, excluded: project.excludedReason != nil,
                           why: project.excludedReason.map { req.t("election.explain.excluded", $0) }
                               ?? project.explanation.map { ExplanationText.sentence($0, req) } ?? "",
                           project: project.projectID.flatMap { slugs[$0] }.map { projectsPath + "/" + $0 },
                           makeProject: organizer && project.funded && project.projectID == nil
                               ? path + "/projects/\(project.number)/project" : nil)
                  },
                  file: "/api/v1/pb-elections/\(id)/ballots.pb?budget=\(budget.position)")
        }
        func table(_ dimension: String, _ cells: [ElectionResults.Cell], label: (String) -> String) -> TurnoutTable {
            TurnoutTable(dimension: dimension, rows: cells.map {
                TurnoutRow(group: $0.group == "unknown" ? req.t("election.unknown_group") : label($0.group), voters: $0.voters)
            })
        }
        let turnout = results.turnout
        return ElectionResultsPageContext(
            page: page, title: election.title, lang: election.textLanguage.rawValue, dir: election.textLanguage.direction,
            path: path, rule: election.rule, blocks: blocks, voters: turnout.voters,
            turnout: [
                table("channel", turnout.byChannel) { req.t("election.channel." + $0) },
                table("wilaya", turnout.byWilaya) { wilayaName($0) ?? $0 },
                table("sex", turnout.bySex) { req.t("person.sex." + $0) },
                table("age_group", turnout.byAgeGroup) { req.t("participation.age_group." + $0) },
            ],
            threshold: SurveySuppression.threshold, stations: results.stations)
    }
}
