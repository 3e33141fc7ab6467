import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// The lists of the Projects room besides projects and difficulties, each the same on its page and in the API,
/// with who may see what decided here.
enum WorkQueries {
    /// Expertise requests, newest first: the staff who assign them and the experts who answer them see every
    /// request; anyone else those of the organisations they represent.
    static func expertise(state: ExpertiseRequestState?, viewer: CurrentUser, page: PageQuery, on db: any Database)
        async throws -> (rows: [ExpertiseRequest], total: Int)
    {
        var query = ExpertiseRequest.query(on: db)
        // Staff see every request; an association its own; an expert those assigned to them.
        if !viewer.may(.assignExpertise) {
            let mine = try await Representation.organizations(of: viewer.id, on: db).compactMap(\.id)
            let profile = try await ExpertiseService.person(of: viewer, on: db)?.id
            query = query.group(.or) { either in
                either.filter(\.$organizationID ~~ mine)
                if let profile { either.filter(\.$expertID == profile) }
            }
        }
        if let state { query = query.filter(\.$state == state) }
        return (try await query.copy().sort(\.$requestedAt, .descending).sort(\.$id).range(page.range).all(),
                try await query.count())
    }

    /// CSR pledges, newest first, of one company when asked.
    static func pledges(company: UUID?, page: PageQuery, on db: any Database) async throws
        -> (rows: [CSRPledge], total: Int)
    {
        var query = CSRPledge.query(on: db)
        if let company { query = query.filter(\.$companyID == company) }
        return (try await query.copy().sort(\.$pledgedOn, .descending).sort(\.$id).range(page.range).all(),
                try await query.count())
    }

    /// International cooperation links, most recent first.
    static func cooperation(page: PageQuery, on db: any Database) async throws -> (rows: [CooperationLink], total: Int) {
        let query = CooperationLink.query(on: db)
        return (try await query.copy().sort(\.$since, .descending).sort(\.$id).range(page.range).all(),
                try await query.count())
    }

    /// Evaluations side by side, best average first (then the latest).
    static func evaluations(phase: EvaluationPhase?, page: PageQuery, on db: any Database) async throws
        -> (rows: [Evaluation], total: Int)
    {
        var query = Evaluation.query(on: db)
        if let phase { query = query.filter(\.$phase == phase) }
        return (try await query.copy().sort(\.$scoreTotal, .descending).sort(\.$evaluatedOn, .descending).sort(\.$id)
                    .range(page.range).all(),
                try await query.count())
    }

    /// `state` of the expertise list, checked.
    static func expertiseState(_ request: Request) throws -> ExpertiseRequestState? {
        try choice(request, "state", ExpertiseRequestState.self)
    }

    /// `phase` of the evaluations list, checked.
    static func evaluationPhase(_ request: Request) throws -> EvaluationPhase? {
        try choice(request, "phase", EvaluationPhase.self)
    }

    /// `company` (a slug) of the pledges list, checked.
    static func pledgeCompany(_ request: Request) async throws -> UUID? {
        guard let raw = request.query[String.self, at: "company"], !raw.isEmpty else { return nil }
        guard let id = try await Organization.query(on: request.db).filter(\.$slug == raw).first()?.id else {
            throw ValidationFailure([FieldError("company", "validation.invalid_choice")])
        }
        return id
    }

    private static func choice<E: RawRepresentable>(_ request: Request, _ name: String, _ type: E.Type) throws -> E?
        where E.RawValue == String
    {
        guard let raw = request.query[String.self, at: name], !raw.isEmpty else { return nil }
        var errors: [FieldError] = []
        let value = Validate.choice(raw, field: name, as: E.self, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return value
    }
}
