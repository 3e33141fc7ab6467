import Directory
import Fluent
import Platform
import Vapor

/// The self-assessment page: the grid for the chosen association (its levels this year, each with its descriptor),
/// its profile over the years, the training its weak dimensions suggest, and the network's anonymous averages.
struct AssessmentsPageContext: Encodable {
    struct Level: Encodable {
        let value: Int
        let checked: Bool
        /// What the level means for the dimension.
        let text: String
    }

    struct Dimension: Encodable {
        let key: String
        let levels: [Level]
    }

    struct ProfileRow: Encodable {
        let dimension: String
        let levels: [Int]
    }

    struct Mean: Encodable {
        let dimension: String
        let mean: String
    }

    let page: PageMeta
    let form: FormState
    let organizations: [ChoiceOption]
    let organizationID: String?
    let year: Int
    let grid: [Dimension]
    let years: [Int]
    let profile: [ProfileRow]
    let weak: [String]
    let saved: Bool
    let network: Assessments.Aggregate
    let means: [Mean]
    let wilayas: [ChoiceOption]
    let domains: [ChoiceOption]
    let minimumGroup: Int

    static func make(_ req: Request, form: FormState) async throws -> AssessmentsPageContext {
        let filter = try NeedsPageContext.Filter(req)
        let represented = try await req.currentUser.asyncMap {
            try await Representation.verifiedOrganizations(of: $0.id, on: req.db)
        } ?? []
        let asked = form.values["organization_id"] ?? req.query[String.self, at: "organization"]
        let chosen = represented.first { $0.id?.uuidString == asked } ?? represented.first
        let profile = try await chosen?.id.asyncMap { try await Assessments.profile($0, on: req.db) } ?? []
        let thisYear = Needs.year(of: req.now)
        let current = profile.first { $0.year == thisYear }
        let network = try await Assessments.aggregate(year: filter.year, wilayaCode: filter.wilaya,
                                                      domainCode: filter.domain, on: req.db)
        return AssessmentsPageContext(
            page: try await PageMeta.make(for: req, titleKey: "assessment.title"), form: form,
            organizations: try represented.map {
                let id = try $0.requireID().uuidString
                return ChoiceOption(value: id, label: LocalizedText($0.name, in: req.language).text,
                                    selected: chosen?.id?.uuidString == id)
            },
            organizationID: chosen?.id?.uuidString, year: thisYear,
            grid: CapacityDimension.allCases.map { dimension in
                let posted = form.values["levels_" + dimension.rawValue].flatMap(Int.init)
                let level = posted ?? current?.level(dimension)
                return Dimension(key: dimension.rawValue, levels: (1...4).map {
                    Level(value: $0, checked: $0 == level, text: req.t("assessment.level.\(dimension.rawValue).\($0)"))
                })
            },
            years: profile.map(\.year),
            profile: CapacityDimension.allCases.map { dimension in
                ProfileRow(dimension: dimension.rawValue, levels: profile.map { $0.level(dimension) })
            },
            weak: Assessments.weak(profile.last).map(\.rawValue),
            saved: req.query[String.self, at: "saved"] == "1", network: network,
            means: CapacityDimension.allCases.compactMap { dimension in
                network.means[dimension.rawValue].map {
                    Mean(dimension: dimension.rawValue, mean: NumberText.decimal($0, places: 1, in: req.language))
                }
            },
            wilayas: try await Options.wilayas(req, selected: filter.wilaya),
            domains: try await Options.domains(req, selected: [filter.domain ?? ""]),
            minimumGroup: Assessments.minimumGroup)
    }
}
