import Fluent
import Foundation
import Platform
import Vapor

/// The open difficulties of the whole network, filtered by category, wilaya and age.
public struct DifficultyBoardFilter: Sendable {
    public var category: DifficultyCategory?
    public var wilaya: String?
    public var state: DifficultyState?
    /// Only difficulties reported at least this many days ago.
    public var olderThanDays: Int?

    public init() {}

    public static func from(_ req: Request) async throws -> DifficultyBoardFilter {
        var errors: [FieldError] = []
        var filter = DifficultyBoardFilter()
        if let raw = req.query[String.self, at: "category"], !raw.isEmpty {
            filter.category = Validate.choice(raw, field: "category", as: DifficultyCategory.self, into: &errors)
        }
        if let raw = req.query[String.self, at: "state"], !raw.isEmpty {
            filter.state = Validate.choice(raw, field: "state", as: DifficultyState.self, into: &errors)
        }
        if let raw = req.query[String.self, at: "wilaya"], !raw.isEmpty {
            if try await req.referenceData().wilayaCodes.contains(raw) { filter.wilaya = raw }
            else { errors.append(FieldError("wilaya", "validation.invalid_choice")) }
        }
        if let raw = req.query[String.self, at: "older_than"], !raw.isEmpty {
            if let days = Int(raw), (0...3650).contains(days) { filter.olderThanDays = days }
            else { errors.append(FieldError("older_than", "validation.range", "0", "3650")) }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return filter
    }

    public var parameters: [String: String] {
        ["category": category?.rawValue ?? "", "wilaya": wilaya ?? "", "state": state?.rawValue ?? "",
         "older_than": olderThanDays.map(String.init) ?? ""]
    }
}

extension DifficultyService {
    /// Open (unresolved) difficulties, oldest first, unless a state is asked for; a difficulty of a project the
    /// viewer may not see (a draft again after a revision) is left out, as its project is.
    public static func board(
        _ filter: DifficultyBoardFilter, viewer: CurrentUser?, page: PageQuery, on db: any Database, now: Date
    ) async throws -> (rows: [BoardRow], total: Int) {
        var query = Difficulty.query(on: db).join(Project.self, on: \Difficulty.$projectID == \Project.$id)
        if let owners = try await ProjectsPolicy.visibility(for: viewer, on: db).draftsOf {
            query = query.group(.or) { group in
                group.filter(Project.self, \.$state != .draft)
                if !owners.isEmpty { group.filter(Project.self, \.$organizationID ~~ owners) }
            }
        }
        if let state = filter.state { query = query.filter(\.$state == state) }
        else { query = query.filter(\.$state != .resolved) }
        if let category = filter.category { query = query.filter(\.$category == category) }
        if let wilaya = filter.wilaya { query = query.filter(Project.self, \.$wilayaCode == wilaya) }
        if let days = filter.olderThanDays {
            query = query.filter(\.$reportedAt <= now.addingTimeInterval(-Double(days) * 86_400))
        }
        let total = try await query.count()
        let rows = try await query.sort(\.$reportedAt).sort(\.$id).range(page.range).all()
        return (try rows.map { difficulty in
            let project = try difficulty.joined(Project.self)
            return try BoardRow(difficulty, of: project, now: now)
        }, total)
    }
}
