import Directory
import Fluent
import Platform
import Vapor

/// Staff author agreements on the site: a new agreement, its text, dates, parties and objectives, and its
/// commitments (each then follows its own procedure).
struct AgreementsAuthoringWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let agreements = AgreementsSiteURL.agreements.pathComponents
        routes.get(agreements + ["new"], use: newAgreement)
        routes.post(agreements, use: create)
        let one = agreements + [":agreement"]
        routes.get(one + ["edit"], use: edit)
        routes.post(one + ["edit"], use: update)
        routes.post(one + ["commitments"], use: addCommitment)
    }

    static func path(_ agreement: Agreement, _ req: Request, _ rest: String = "") -> String {
        AgreementsSiteURL.agreements.path(in: req.language) + "/" + agreement.slug + rest
    }

    @Sendable func newAgreement(req: Request) async throws -> Response {
        _ = try req.require(.manageAgreements)
        return try await render(req, agreement: nil, form: .empty)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.require(.manageAgreements)
        return try await req.submitting {
            let agreement = try await AgreementAuthoring.create(try req.form(AgreementForm.self).input, by: user, req.service)
            return req.seeOther(Self.path(agreement, req))
        } refused: { form in
            try await render(req, agreement: nil, form: form)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        _ = try req.require(.manageAgreements)
        return try await render(req, agreement: try await AgreementsAPIController.find(req), form: .empty)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try req.require(.manageAgreements)
        let agreement = try await AgreementsAPIController.find(req)
        return try await req.submitting {
            try await AgreementAuthoring.update(agreement, with: try req.form(AgreementForm.self).input, by: user, req.service)
            return req.seeOther(Self.path(agreement, req))
        } refused: { form in
            try await render(req, agreement: agreement, form: form)
        }
    }

    @Sendable func addCommitment(req: Request) async throws -> Response {
        let user = try req.require(.manageAgreements)
        let agreement = try await AgreementsAPIController.find(req)
        return try await req.submitting {
            _ = try await AgreementService.addCommitment(try req.form(CommitmentForm.self).input, to: agreement, by: user,
                                                         on: req.db, now: req.now)
            return req.seeOther(Self.path(agreement, req, "#commitments"))
        } refused: { form in
            try await AgreementsWebController().renderShow(req, form: .empty, commitmentForm: form,
                                                           status: .unprocessableEntity)
        }
    }

    func render(_ req: Request, agreement: Agreement?, form: FormState) async throws -> Response {
        var values = form.values
        var chosen = Set((try? req.form(AgreementForm.self))?.parties ?? [])
        if let agreement, values.isEmpty {
            let id = try agreement.requireID()
            let objectives = try await AgreementObjective.query(on: req.db).filter(\.$agreementID == id).sort(\.$position).all()
            values = ["slug": agreement.slug, "kind": agreement.kind.rawValue, "signed_on": agreement.signedOn ?? "",
                      "starts_on": agreement.startsOn ?? "", "ends_on": agreement.endsOn ?? ""]
            for (name, text) in [("title", agreement.title), ("summary", agreement.summary)] {
                values[name + "_ar"] = text.ar ?? ""
                values[name + "_fr"] = text.fr ?? ""
                values[name + "_en"] = text.en ?? ""
            }
            values["objectives_ar"] = objectives.compactMap(\.text.ar).joined(separator: "\n")
            values["objectives_fr"] = objectives.compactMap(\.text.fr).joined(separator: "\n")
            values["objectives_en"] = objectives.compactMap(\.text.en).joined(separator: "\n")
            chosen = Set(try await AgreementParty.query(on: req.db).filter(\.$agreementID == id).all()
                .map(\.organizationID.uuidString))
        }
        let organizations = try await Organization.query(on: req.db).filter(\.$verification == .verified)
            .sort(\.$sortName).limit(500).all()
        let title = agreement.map { $0.title.resolve(in: req.language).text } ?? ""
        return try await req.render("agreements/agreement-form", AgreementFormContext(
            page: try await PageMeta.make(for: req, titleKey: agreement == nil ? "agreements.new" : "agreements.edit", title),
            form: form.showing(values).grouping("parties"),
            action: agreement.map { Self.path($0, req, "/edit") } ?? AgreementsSiteURL.agreements.path(in: req.language),
            kinds: ChoiceOption.cases(AgreementKind.self, key: "agreement.kind", selected: values["kind"], req),
            parties: organizations.compactMap { organization in
                organization.id.map {
                    ChoiceOption(value: $0.uuidString, label: organization.name.resolve(in: req.language).text,
                                 selected: chosen.contains($0.uuidString))
                }
            },
            editing: agreement != nil), status: form.errors.isEmpty ? .ok : .unprocessableEntity)
    }
}

struct AgreementFormContext: Encodable {
    let page: PageMeta
    let form: FormState
    let action: String
    let kinds: [ChoiceOption]
    let parties: [ChoiceOption]
    let editing: Bool
}
