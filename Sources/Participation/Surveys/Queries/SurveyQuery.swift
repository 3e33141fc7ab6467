import ArabicText
import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// The filters of the survey list (page and API alike).
public struct SurveyFilter: Sendable {
    public var q = ""
    public var state: SurveyState?
    public var processID: UUID?

    public init() {}

    public static func from(_ req: Request) async throws -> SurveyFilter {
        var errors: [FieldError] = []
        var filter = SurveyFilter()
        do { filter.q = try SearchText.read(req) } catch let failure as ValidationFailure { errors += failure.fieldErrors }
        if let raw = req.query[String.self, at: "state"], !raw.isEmpty {
            filter.state = Validate.choice(raw, field: "state", as: SurveyState.self, into: &errors)
        }
        if let raw = req.query[String.self, at: "process"], !raw.isEmpty {
            if let process = try await ParticipatoryProcess.find(idOrSlug: raw, on: req.db) {
                filter.processID = process.id
            } else {
                errors.append(FieldError("process", "validation.invalid_choice"))
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return filter
    }

    public var parameters: [String: String] {
        ["q": q, "state": state?.rawValue ?? "", "process": processID?.uuidString ?? ""]
    }
}

/// One line of the survey list.
public struct SurveyRow: Content, Sendable {
    public let id: UUID
    public let processID: UUID?
    public let title: String
    public let language: String
    public let state: String
    public let opensOn: String?
    public let closesOn: String?
    public let resultsVisibility: String
    public let createdAt: Date
}

/// The one query of the survey list, for the page and the API: who sees what is decided here. Drafts show only
/// to their organisers (the network's staff see every one, a representative those of their organisation's
/// processes and those they wrote).
public enum SurveyQuery {
    public static func page(_ filter: SurveyFilter, viewer: CurrentUser?, page: PageQuery, on db: any Database)
        async throws -> ([SurveyRow], Int)
    {
        var query = Survey.query(on: db)
        if let state = filter.state { query = query.filter(\.$state == state) }
        if let processID = filter.processID { query = query.filter(\.$processID == processID) }
        for term in ArabicText.searchTerms(filter.q) {
            query = query.filter(\.$searchTerms ~~ (" " + term + " "))
        }
        if viewer?.may(.manageProcesses) != true {
            let organised = try await organisedProcessIDs(viewer, on: db)
            query = query.group(.or) { group in
                group.filter(\.$state != .draft)
                if let viewer { group.filter(\.$createdBy == viewer.id) }
                if !organised.isEmpty { group.filter(\.$processID ~~ organised) }
            }
        }
        let total = try await query.count()
        let surveys = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(page.range).all()
        let rows = try surveys.map {
            SurveyRow(id: try $0.requireID(), processID: $0.processID, title: $0.title, language: $0.language,
                      state: $0.state.rawValue, opensOn: $0.opensOn, closesOn: $0.closesOn,
                      resultsVisibility: $0.resultsVisibility.rawValue, createdAt: $0.createdAt)
        }
        return (rows, total)
    }

    static func organisedProcessIDs(_ viewer: CurrentUser?, on db: any Database) async throws -> [UUID] {
        guard let viewer, viewer.may(.representOrganizations) else { return [] }
        let organisations = try await Representation.organizations(of: viewer.id, on: db).compactMap(\.id)
        guard !organisations.isEmpty else { return [] }
        return try await ParticipatoryProcess.query(on: db).filter(\.$organizerID ~~ organisations).all().compactMap(\.id)
    }
}
