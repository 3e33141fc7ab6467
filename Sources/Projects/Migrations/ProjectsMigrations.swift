import Fluent
import SQLKit

enum ProjectsMigrations {
    static let all: [any Migration] = [CreateProjects(), CreateDifficulties(), CreateExpertiseAndCSR(), AddAuthorIDs(),
                                       AddEvaluationScoreTotal(), CreateExpertiseMessages(),
                                       AddReportPeriodSort(), AddProjectOrigin()]
}
