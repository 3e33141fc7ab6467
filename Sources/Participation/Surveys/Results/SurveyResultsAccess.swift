import Fluent
import Platform
import Vapor

/// Who reads a survey's results: everyone once the organiser's choice publishes them (while it is open, or once
/// it is over), its organisers at any time. A draft is its organisers' alone.
public enum SurveyResultsAccess {
    /// The survey as `viewer` may see it: a draft only for its organisers (404 for anyone else).
    public static func visible(_ survey: Survey, to viewer: CurrentUser?, on db: any Database) async throws -> Bool {
        if survey.state != .draft { return true }
        if let viewer, survey.createdBy == viewer.id { return true }
        return try await SurveyPolicy.isOrganizer(viewer, of: survey, on: db)
    }

    public static func mayRead(_ survey: Survey, viewer: CurrentUser?, on db: any Database, now: Date) async throws
        -> Bool
    {
        if survey.resultsArePublic(on: ISODate.string(now)) { return true }
        return try await SurveyPolicy.isOrganizer(viewer, of: survey, on: db)
    }

    public static func require(_ survey: Survey, viewer: CurrentUser?, on db: any Database, now: Date) async throws {
        guard try await mayRead(survey, viewer: viewer, on: db, now: now) else {
            throw SurveyError.resultsNotPublished(closesOn: survey.closesOn)
        }
    }
}
