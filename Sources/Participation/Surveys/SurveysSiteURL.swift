import Platform

/// The pages of surveys with fixed addresses (a survey's own pages hang below `surveys/{id}`).
public enum SurveysSiteURL: String, CaseIterable, SiteRoute {
    case surveys = "surveys"
    case newSurvey = "surveys/new"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}
