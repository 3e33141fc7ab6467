import Directory
import Fluent
import Platform
import Vapor

/// The training needs page: the association's form and its needs (with the events answering them); for those who
/// organise events, the year's demand by domain and wilaya.
struct NeedsPageContext: Encodable {
    struct Filter {
        var year: Int
        var wilaya: String?
        var domain: String?

        init(_ req: Request) throws {
            year = req.query[Int.self, at: "year"] ?? Needs.year(of: req.now)
            guard (2000...2100).contains(year) else { throw ValidationFailure([FieldError("year", "validation.range", "2000", "2100")]) }
            wilaya = req.query[String.self, at: "wilaya"].flatMap(Validate.trimmed)
            domain = req.query[String.self, at: "domain"].flatMap(Validate.trimmed)
        }
    }

    struct Line: Encodable {
        let id: String
        let organization: String
        let domain: String
        let dimension: String?
        let description: String
        let people: Int
        let year: Int
        let events: [EventLink]
    }

    struct EventLink: Encodable {
        let id: String
        let title: LocalizedText
    }

    struct DemandLine: Encodable {
        let domain: String
        let wilaya: String
        let needs: Int
        let associations: Int
        let people: Int
        let answered: Int
    }

    let page: PageMeta
    let form: FormState
    let organizations: [ChoiceOption]
    let domains: [ChoiceOption]
    let dimensions: [ChoiceOption]
    let mine: [Line]
    let showsDemand: Bool
    let demand: [DemandLine]
    let year: Int
    let wilayas: [ChoiceOption]
    let declared: Bool
    let withdrawn: Bool

    static func make(_ req: Request, user: CurrentUser, form: FormState) async throws -> NeedsPageContext {
        let filter = try Filter(req)
        let represented = try await Representation.verifiedOrganizations(of: user.id, on: req.db)
        let ids = represented.compactMap(\.id)
        let needs = ids.isEmpty ? [] : try await TrainingNeed.query(on: req.db).filter(\.$organizationID ~~ ids)
            .sort(\.$createdAt, .descending).limit(100).all()
        let links = try await EventNeed.query(on: req.db).filter(\.$needID ~~ needs.compactMap(\.id)).all()
        let events = try await CapacityEvent.query(on: req.db).filter(\.$id ~~ Set(links.map(\.eventID))).all()
        let domainNames = try await Options.domainNames(req)
        let wilayaNames = try await Options.wilayaNames(req)
        let showsDemand = EventPolicy.mayCreate(user)
        let demand = showsDemand ? try await Needs.demand(year: filter.year, wilayaCode: filter.wilaya,
                                                          domainCode: filter.domain, on: req.db) : []
        return NeedsPageContext(
            page: try await PageMeta.make(for: req, titleKey: "need.title"), form: form,
            organizations: try represented.map {
                let id = try $0.requireID().uuidString
                return ChoiceOption(value: id, label: LocalizedText($0.name, in: req.language).text,
                                    selected: form.values["organization_id"] == id)
            },
            domains: try await Options.domains(req, selected: [form.values["domain_code"] ?? ""]),
            dimensions: ChoiceOption.cases(CapacityDimension.self, key: "assessment.dimension",
                                           selected: form.values["dimension"], req),
            mine: needs.map { need in
                Line(id: need.id?.uuidString ?? "", organization: represented.first { $0.id == need.organizationID }
                        .map { LocalizedText($0.name, in: req.language).text } ?? "",
                     domain: domainNames[need.domainCode] ?? need.domainCode, dimension: need.dimension?.rawValue,
                     description: need.details, people: need.people, year: need.year,
                     events: links.filter { $0.needID == need.id }.compactMap { link in
                         events.first { $0.id == link.eventID }.map {
                             EventLink(id: link.eventID.uuidString, title: LocalizedText($0.title, in: req.language))
                         }
                     })
            },
            showsDemand: showsDemand,
            demand: demand.map {
                DemandLine(domain: domainNames[$0.domainCode] ?? $0.domainCode,
                           wilaya: wilayaNames[$0.wilayaCode] ?? "—", needs: $0.needs, associations: $0.associations,
                           people: $0.people, answered: $0.answered)
            },
            year: filter.year, wilayas: try await Options.wilayas(req, selected: filter.wilaya),
            declared: req.query[String.self, at: "declared"] == "1",
            withdrawn: req.query[String.self, at: "withdrawn"] == "1")
    }
}
