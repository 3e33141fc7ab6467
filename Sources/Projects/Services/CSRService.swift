import Directory
import Fluent
import Platform
import SQLKit
import Vapor

public enum CSRService {
    /// The problems of a pledge that need no database, all at once.
    static func validate(_ input: PledgeInput, now: Date) -> (CSRPledge, [FieldError]) {
        var errors: [FieldError] = []
        let pledge = CSRPledge()
        pledge.kind = Validate.choice(input.kind, field: "kind", as: PledgeKind.self, into: &errors) ?? .money
        pledge.details = Validate.text(input.description, field: "description", max: 2000, into: &errors)
        pledge.valueMinor = Validate.number(input.valueMinor, field: "value_minor", range: 1...NumberRange.moneyMinor.upperBound,
                                            into: &errors)
        pledge.currency = (input.currency ?? "DZD").uppercased()
        if !ProjectService.currencies.contains(pledge.currency) { errors.append(FieldError("currency", "validation.invalid_choice")) }
        pledge.pledgedOn = input.pledgedOn?.isEmpty == false ? Validate.date(input.pledgedOn, field: "pledged_on", into: &errors)
            : ISODate.string(now)
        if input.companyID == nil { errors.append(FieldError("company_id", "validation.required")) }
        return (pledge, errors)
    }

    public static func pledge(_ input: PledgeInput, by user: CurrentUser, on db: any Database, now: Date) async throws -> CSRPledge {
        guard user.may(.pledgeCSR) || user.may(.manageCSR) else { throw PlatformError.forbidden(permission: .pledgeCSR) }
        let (pledge, found) = validate(input, now: now)
        var errors = found
        if let id = input.companyID {
            guard let company = try await Organization.find(id, on: db), company.kind == .company else { throw ProjectsError.notACompany }
            pledge.companyID = id
        }
        if let id = input.projectID {
            if let project = try await Project.find(id, on: db) {
                if !DifficultyService.openStates.contains(project.state) { throw ProjectsError.projectNotOpen }
            } else { errors.append(FieldError("project_id", "validation.invalid_choice")) }
            pledge.projectID = id
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await ProjectsPolicy.requireRepresentative(user, of: pledge.companyID, unless: .manageCSR, on: db)
        pledge.deliveredMinor = 0
        pledge.state = .pledged
        try await db.transaction { tx in
            // One company's pledges stay within a documented total, so every sum of them fits.
            let committed = try await CSRPledge.query(on: tx).filter(\.$companyID == pledge.companyID).all()
                .map { $0.state == .cancelled ? $0.deliveredMinor : $0.valueMinor }
            guard let total = SafeNumber.sum(committed + [pledge.valueMinor]),
                  total <= NumberRange.pledgesPerCompanyMinor else { throw ProjectsError.companyPledgeLimit }
            try await pledge.create(on: tx)
            try await WorkflowStep.record(workflow: "pledge", subjectID: try pledge.requireID(), action: "pledge", from: nil,
                                          to: PledgeState.pledged.rawValue, actor: AuditActor(user), reason: nil, on: tx, at: now)
        }
        return pledge
    }

    public static func transition(
        _ pledge: CSRPledge, action: String, reason: String?, by user: CurrentUser, on db: any Database, now: Date
    ) async throws {
        let from = pledge.state
        let step = try ProjectWorkflows.pledge.check(action: action, from: from, user: user, reason: reason)
        pledge.state = step.to
        try await ProjectWorkflows.pledge.apply(step, to: pledge, from: from, by: AuditActor(user), reason: reason,
                                                on: db, at: now)
    }

    /// Records a delivery against a confirmed pledge; the pledge is fulfilled when deliveries reach its value.
    public static func deliver(
        _ input: DeliveryInput, to pledge: CSRPledge, by user: CurrentUser, on db: any Database, now: Date
    ) async throws -> CSRDelivery {
        // Deliveries are what the network's staff saw arrive: the company that pledged does not certify its own.
        guard user.may(.manageCSR) else { throw PlatformError.forbidden(permission: .manageCSR) }
        guard pledge.state == .confirmed else { throw ProjectsError.pledgeNotOpen }
        var errors: [FieldError] = []
        let delivery = CSRDelivery()
        delivery.deliveredOn = Validate.date(input.deliveredOn, field: "delivered_on", into: &errors)
        delivery.valueMinor = Validate.number(input.valueMinor, field: "value_minor", range: 1...NumberRange.moneyMinor.upperBound,
                                              into: &errors)
        delivery.note = Validate.text(input.note, field: "note", max: 1000, required: false, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        guard delivery.valueMinor <= pledge.valueMinor - pledge.deliveredMinor else { throw ProjectsError.deliveryExceedsPledge }
        delivery.pledgeID = try pledge.requireID()
        delivery.recordedBy = ""  // the name is shown from the account (AuthorNames): erasure leaves no copy
        delivery.recordedByUserID = user.id
        try await db.transaction { tx in
            // Claim the pledge, then check what remains on its current row: two deliveries at once cannot exceed it.
            try await WorkflowGuard.claim(CSRPledge.schema, id: delivery.pledgeID, state: PledgeState.confirmed.rawValue, on: tx)
            guard let current = try await CSRPledge.find(delivery.pledgeID, on: tx),
                  delivery.valueMinor <= current.valueMinor - current.deliveredMinor else { throw ProjectsError.deliveryExceedsPledge }
            pledge.deliveredMinor = current.deliveredMinor
            try await delivery.create(on: tx)
            pledge.deliveredMinor += delivery.valueMinor
            let fulfilled = pledge.deliveredMinor >= pledge.valueMinor
            if fulfilled { pledge.state = .fulfilled }
            try await pledge.save(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "pledge.delivery_recorded", subjectType: "pledge",
                                      subjectID: delivery.pledgeID.uuidString,
                                      details: ["value_minor": String(delivery.valueMinor)], at: now)
            if fulfilled {
                try await WorkflowStep.record(workflow: "pledge", subjectID: delivery.pledgeID, action: "fulfil",
                                              from: PledgeState.confirmed.rawValue, to: PledgeState.fulfilled.rawValue,
                                              actor: AuditActor(user), reason: nil, on: tx, at: now)
            }
        }
        return delivery
    }

    /// Fulfilment per company and currency, by company name, one page: a cancelled pledge counts for what was
    /// delivered before it was cancelled. The database pages the groups; the page's pledges are added up here
    /// with checked sums (a company's pledges stay within ``NumberRange/pledgesPerCompanyMinor`` anyway).
    public static func fulfilment(page: PageQuery, on db: any Database) async throws
        -> (rows: [CompanyFulfilment], total: Int)
    {
        guard let sql = db as? any SQLDatabase else { return ([], 0) }
        let total = try await sql.raw("""
            SELECT COUNT(*) AS total FROM (SELECT DISTINCT company_id, currency FROM csr_pledges) AS pairs
            """).first()?.decode(column: "total", as: Int.self) ?? 0
        guard total > page.offset else { return ([], total) }
        let groups = try await sql.raw("""
            SELECT p.company_id, p.currency FROM csr_pledges p JOIN organizations o ON o.id = p.company_id
            GROUP BY p.company_id, p.currency, o.sort_name
            ORDER BY o.sort_name, p.company_id, p.currency
            LIMIT \(bind: page.size) OFFSET \(bind: page.offset)
            """).all().map { row in
                (try row.decode(column: "company_id", as: UUID.self), try row.decode(column: "currency", as: String.self))
            }
        let companyIDs = Set(groups.map(\.0))
        let pledges = try await CSRPledge.query(on: db).filter(\.$companyID ~~ companyIDs).all()
        let companies = try await Organization.query(on: db).filter(\.$id ~~ companyIDs).all()
        let names = Dictionary(uniqueKeysWithValues: companies.compactMap { company in company.id.map { ($0, company.name) } })
        return (groups.map { companyID, currency in
            let list = pledges.filter { $0.companyID == companyID && $0.currency == currency }
            let pledged = SafeNumber.sum(list.map { $0.state == .cancelled ? $0.deliveredMinor : $0.valueMinor }) ?? .max
            let delivered = SafeNumber.sum(list.map(\.deliveredMinor)) ?? .max
            return CompanyFulfilment(
                companyID: companyID, company: names[companyID] ?? Translated(), currency: currency, pledges: list.count,
                pledgedMinor: pledged, deliveredMinor: delivered,
                fulfilment: pledged > 0 ? (Double(delivered) * 1000 / Double(pledged)).rounded() / 10 : 0)
        }, total)
    }
}
