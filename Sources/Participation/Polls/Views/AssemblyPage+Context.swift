import Directory
import Fluent
import Platform
import Vapor

/// The list of assemblies.
struct AssembliesPageContext: Encodable {
    struct Line: Encodable {
        let id: String
        let title: String
        let lang: String
        let dir: String
        let opensAt: Date
        let closesAt: Date
    }

    let page: PageMeta
    let assemblies: [Line]
    let total: Int
    let pagination: PaginationView
    let canCreate: Bool

    static func make(_ req: Request) async throws -> AssembliesPageContext {
        let pageQuery = try PageQuery(from: req)
        let (rows, total) = try await AssemblyQuery.list(page: pageQuery, on: req.db)
        return AssembliesPageContext(
            page: try await PageMeta.make(for: req, titleKey: "assembly.list_title"),
            assemblies: try rows.map {
                Line(id: try $0.requireID().uuidString, title: $0.title, lang: $0.textLanguage.rawValue,
                     dir: $0.textLanguage.direction, opensAt: $0.opensAt, closesAt: $0.closesAt)
            },
            total: total, pagination: PaginationView(request: pageQuery, total: total, path: req.url.path, query: [:]),
            canCreate: SurveyPolicy.mayCreate(req.currentUser))
    }
}

/// The form calling an assembly: the network, the texts, the weight rule, the window, and a weight for each of the
/// networks' active members (used with declared weights).
struct AssemblyNewPageContext: Encodable {
    struct WeightField: Encodable {
        let id: String
        let name: String
        let label: String
        let value: String
        let error: String?
    }

    let page: PageMeta
    let form: FormState
    let networks: [ChoiceOption]
    let languages: [ChoiceOption]
    let rules: [ChoiceOption]
    let weights: [WeightField]

    static func make(_ req: Request, form: FormState) async throws -> AssemblyNewPageContext {
        let networks = try await Organization.query(on: req.db).filter(\.$kind == .network).sort(\.$sortName).all()
        let memberIDs = try await NetworkMembership.query(on: req.db).filter(\.$state == .active).all().map(\.memberID)
        let members = try await Organization.query(on: req.db).filter(\.$id ~~ memberIDs).sort(\.$sortName).all()
        return AssemblyNewPageContext(
            page: try await PageMeta.make(for: req, titleKey: "assembly.new_title"), form: form,
            networks: try networks.map {
                let id = try $0.requireID().uuidString
                return ChoiceOption(value: id, label: LocalizedText($0.name, in: req.language).text,
                                    selected: form.values["network_id"] == id || networks.count == 1)
            },
            languages: SiteLanguage.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("person.language." + $0.rawValue),
                             selected: (form.values["language"] ?? req.language.rawValue) == $0.rawValue)
            },
            rules: AssemblyWeightRule.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("assembly.weight_rule." + $0.rawValue),
                             selected: (form.values["weight_rule"] ?? "equal") == $0.rawValue)
            },
            weights: try members.map {
                let id = "weights_" + (try $0.requireID().uuidString)
                return WeightField(id: id, name: "weights[\(try $0.requireID().uuidString)]",
                                   label: LocalizedText($0.name, in: req.language).text, value: form.values[id] ?? "",
                                   error: form.fieldError(id))
            })
    }
}

/// An assembly's page: its members with their weights and the chain their vote follows, a representative's form to
/// entrust the member's vote to another (or take it back), and its motions.
struct AssemblyPageContext: Encodable {
    struct MemberLine: Encodable {
        let id: String
        let name: String
        let weight: Int
        let chain: String?
        let mine: Bool
    }

    struct Motion: Encodable {
        let id: String
        let title: String
        let phase: String
    }

    let page: PageMeta
    let id: String
    let title: String
    let description: String
    let lang: String
    let dir: String
    let weightRule: String
    let opensAt: Date
    let closesAt: Date
    let open: Bool
    let path: String
    let members: [MemberLine]
    let totalWeight: Int
    let myMembers: [ChoiceOption]
    let targets: [ChoiceOption]
    let form: FormState
    let motions: [Motion]
    let organizer: Bool

    static func path(_ assembly: Assembly, _ req: Request) -> String {
        PollsSiteURL.assemblies.path(in: req.language) + "/" + (assembly.id?.uuidString ?? "")
    }

    static func make(_ assembly: Assembly, form: FormState, _ req: Request) async throws -> AssemblyPageContext {
        let members = try await AssemblyQuery.members(assembly, language: req.language, on: req.db)
        let names = Dictionary(members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var mine: Set<UUID> = []
        if let user = req.currentUser {
            mine = Set(try await Representation.organizations(of: user.id, on: req.db).compactMap(\.id))
                .intersection(members.map(\.id))
        }
        let open = req.now < assembly.closesAt
        return AssemblyPageContext(
            page: try await PageMeta.make(for: req, titleKey: "assembly.show_title", assembly.title),
            id: try assembly.requireID().uuidString, title: assembly.title, description: assembly.details,
            lang: assembly.textLanguage.rawValue, dir: assembly.textLanguage.direction,
            weightRule: assembly.weightRule.rawValue, opensAt: assembly.opensAt, closesAt: assembly.closesAt, open: open,
            path: path(assembly, req),
            members: members.map {
                MemberLine(id: $0.id.uuidString, name: $0.name, weight: $0.weight,
                           chain: $0.chain.isEmpty ? nil : ([$0.name] + $0.chain.map { names[$0] ?? "" }).joined(separator: " → "),
                           mine: mine.contains($0.id))
            },
            totalWeight: members.map(\.weight).reduce(0, +),
            myMembers: members.filter { mine.contains($0.id) }.map {
                ChoiceOption(value: $0.id.uuidString, label: $0.name, selected: form.values["from_organization_id"] == $0.id.uuidString)
            },
            targets: members.map {
                ChoiceOption(value: $0.id.uuidString, label: $0.name, selected: form.values["to_organization_id"] == $0.id.uuidString)
            },
            form: form, motions: try await AssemblyQuery.motions(assembly, on: req.db).map {
                Motion(id: try $0.requireID().uuidString, title: $0.title, phase: $0.phase(at: req.now).rawValue)
            },
            organizer: try await AssemblyService.isOrganizer(req.currentUser, of: assembly, on: req.db))
    }
}
