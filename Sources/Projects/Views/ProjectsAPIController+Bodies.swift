import Agreements
import Directory
import Fluent
import Platform
import Vapor

/// The request and response bodies of ProjectsAPIController.
extension ProjectsAPIController {
    struct FeedInput: Content {
        var metric: String?
    }

    struct FeedAnswer: Content {
        let indicatorID: UUID
        let metric: String?
    }

    struct ComparedEvaluation: Content {
        let project: String
        let title: Translated
        let evaluation: EvaluationDTO
    }
}
