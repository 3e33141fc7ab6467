import Directory
import Fluent
import Platform
import Vapor

/// Staff author agreements: a whole agreement (parties, signatories, objectives, documents, commitments) in one
/// transaction, and changes to it, each kept in its history (`edit` steps) and audited.
public enum AgreementAuthoring {

    struct Lists {
        var parties: [UUID]?
        var signatories: [(UUID, Translated)]?
        var objectives: [Translated]?
        var documents: [(Translated, String)]?
        var commitments: [(UUID, Translated, String, UUID?)] = []
    }

    public static func create(_ input: AgreementInput, by user: CurrentUser, _ context: ServiceContext) async throws -> Agreement {
        try user.require(.manageAgreements)
        let agreement = Agreement()
        agreement.state = .draft
        var errors: [FieldError] = []
        let lists = try await apply(input, to: agreement, creating: true, on: context.db, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await context.db.transaction { tx in
            try await agreement.create(on: tx)
            try await write(lists, of: agreement, on: tx)
            let id = try agreement.requireID()
            for (owner, description, dueOn, objective) in lists.commitments {
                let commitment = Commitment()
                commitment.agreementID = id
                commitment.ownerID = owner
                commitment.summary = description
                commitment.dueOn = dueOn
                commitment.strategyObjectiveID = objective
                commitment.state = .planned
                commitment.progress = 0
                try await commitment.create(on: tx)
                try await WorkflowStep.record(workflow: "commitment", subjectID: try commitment.requireID(), action: "plan",
                                              from: nil, to: CommitmentState.planned.rawValue, actor: AuditActor(user),
                                              reason: nil, on: tx, at: context.now)
            }
            try await WorkflowStep.record(workflow: "agreement", subjectID: id, action: "create", from: nil,
                                          to: AgreementState.draft.rawValue, actor: AuditActor(user), reason: nil, on: tx,
                                          at: context.now)
        }
        return agreement
    }

    public static func update(_ agreement: Agreement, with input: AgreementInput, by user: CurrentUser,
                              _ context: ServiceContext) async throws {
        try user.require(.manageAgreements)
        var errors: [FieldError] = []
        let lists = try await apply(input, to: agreement, creating: false, on: context.db, into: &errors)
        if input.commitments != nil { errors.append(FieldError("commitments", "validation.commitments_separately")) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await context.db.transaction { tx in
            try await agreement.save(on: tx)
            try await write(lists, of: agreement, on: tx)
            try await WorkflowStep.record(workflow: "agreement", subjectID: agreement.requireID(), action: "edit",
                                          from: agreement.state.rawValue, to: agreement.state.rawValue,
                                          actor: AuditActor(user), reason: nil, on: tx, at: context.now)
        }
    }

    /// Checks `input` into `agreement` and returns the lists to write; every problem named with its field.
    static func apply(_ input: AgreementInput, to agreement: Agreement, creating: Bool, on db: any Database,
                      into errors: inout [FieldError]) async throws -> Lists {
        if creating || input.kind != nil {
            agreement.kind = Validate.choice(input.kind, field: "kind", as: AgreementKind.self, into: &errors) ?? .convention
        }
        if creating || input.title != nil {
            agreement.title = Validate.translated(input.title, field: "title", max: 300, into: &errors)
        }
        if creating || input.summary != nil {
            agreement.summary = Validate.translated(input.summary, field: "summary", max: 4000, into: &errors)
        }
        if creating || input.slug != nil {
            let slug = Validate.trimmed(input.slug)
                ?? Slug.make(from: [input.title?.fr, input.title?.en], fallback: "agreement")
            if !Slug.isValid(slug) {
                errors.append(FieldError("slug", "validation.slug_format"))
            } else if creating || slug != agreement.slug,
                      try await Agreement.query(on: db).filter(\.$slug == slug).count() > 0 {
                errors.append(FieldError("slug", "validation.slug_taken"))
            }
            agreement.slug = slug
        }
        for (field, value, keyPath) in [("signed_on", input.signedOn, \Agreement.signedOn), ("starts_on", input.startsOn, \.startsOn),
                                        ("ends_on", input.endsOn, \.endsOn)] where value != nil || creating {
            let text = Validate.trimmed(value)
            if let error = ISODate.check(text, field: field, required: false) { errors.append(error) }
            agreement[keyPath: keyPath] = text
        }
        if let starts = agreement.startsOn, let ends = agreement.endsOn, ends < starts {
            errors.append(FieldError("ends_on", "validation.end_before_start"))
        }
        if let place = input.signingPlace {
            agreement.signingPlace = [place.ar, place.fr, place.en].contains { Validate.trimmed($0) != nil } ? place : nil
        }
        var lists = Lists()
        var partyIDs: [UUID] = []
        if let parties = input.parties ?? (creating ? [] : nil) {
            for (index, party) in parties.enumerated() {
                if let organization = try await Organization.find(idOrSlug: party.key, on: db), let id = organization.id {
                    if !partyIDs.contains(id) { partyIDs.append(id) }
                } else {
                    errors.append(FieldError("parties[\(index)]", "validation.invalid_choice"))
                }
            }
            if partyIDs.count < 2 { errors.append(FieldError("parties", "validation.two_parties")) }
            lists.parties = partyIDs
        } else if let id = agreement.id {
            partyIDs = try await AgreementParty.query(on: db).filter(\.$agreementID == id).all().map(\.organizationID)
        }
        func party(_ ref: OrganizationRef?, field: String) async throws -> UUID? {
            guard let ref, let organization = try await Organization.find(idOrSlug: ref.key, on: db),
                  let id = organization.id, partyIDs.contains(id) else {
                errors.append(FieldError(field, "validation.not_a_party"))
                return nil
            }
            return id
        }
        if let signatories = input.signatories {
            var rows: [(UUID, Translated)] = []
            for (index, signatory) in signatories.enumerated() {
                let role = Validate.translated(signatory.roleTitle, field: "signatories[\(index)].role_title", max: 300,
                                               into: &errors)
                if let id = try await party(signatory.organizationID, field: "signatories[\(index)].organization_id") {
                    rows.append((id, role))
                }
            }
            lists.signatories = rows
        }
        if let objectives = input.objectives {
            lists.objectives = objectives.enumerated().map { index, text in
                Validate.translated(text, field: "objectives[\(index)]", max: 2000, into: &errors)
            }
        }
        if let documents = input.documents {
            lists.documents = documents.enumerated().map { index, document in
                let title = Validate.translated(document.title, field: "documents[\(index)].title", max: 300, into: &errors)
                let url = Validate.text(document.url, field: "documents[\(index)].url", max: 2000, into: &errors)
                if let error = Validate.urlError(url, field: "documents[\(index)].url") { errors.append(error) }
                return (title, url)
            }
        }
        for (index, item) in (input.commitments ?? []).enumerated() {
            let field = "commitments[\(index)]"
            let description = Validate.translated(item.description, field: field + ".description", max: 2000, into: &errors)
            let due = Validate.date(item.dueOn, field: field + ".due_on", into: &errors)
            if let objective = item.strategyObjectiveID, try await StrategyObjective.find(objective, on: db) == nil {
                errors.append(FieldError(field + ".strategy_objective_id", "validation.invalid_choice"))
            }
            if let owner = try await party(item.ownerID, field: field + ".owner_id") {
                lists.commitments.append((owner, description, due, item.strategyObjectiveID))
            }
        }
        return lists
    }

    /// Replaces the lists the input gave.
    static func write(_ lists: Lists, of agreement: Agreement, on db: any Database) async throws {
        let id = try agreement.requireID()
        if let parties = lists.parties {
            try await AgreementParty.query(on: db).filter(\.$agreementID == id).delete()
            for (index, organization) in parties.enumerated() {
                try await AgreementParty(agreementID: id, organizationID: organization, position: index + 1).create(on: db)
            }
        }
        if let signatories = lists.signatories {
            try await Signatory.query(on: db).filter(\.$agreementID == id).delete()
            for (organization, role) in signatories {
                try await Signatory(agreementID: id, organizationID: organization, roleTitle: role).create(on: db)
            }
        }
        if let objectives = lists.objectives {
            try await AgreementObjective.query(on: db).filter(\.$agreementID == id).delete()
            for (index, text) in objectives.enumerated() {
                try await AgreementObjective(agreementID: id, position: index + 1, text: text).create(on: db)
            }
        }
        if let documents = lists.documents {
            try await AgreementDocument.query(on: db).filter(\.$agreementID == id).delete()
            for (title, url) in documents {
                try await AgreementDocument(agreementID: id, title: title, url: url).create(on: db)
            }
        }
    }
}
