import Foundation

/// The results as the API writes them, read back for comparison (snake_case keys converted).
struct TestResults: Decodable, Equatable {
    struct Question: Decodable, Equatable {
        let id: String
        let position: Int
        let kind: String
        let answered: Int
        let options: [Option]?
        let mean: Double?
        let breakdowns: [Breakdown]?
        let texts: Texts?
    }

    struct Option: Decodable, Equatable {
        let index: Int?
        let value: Int?
        let label: String
        let count: Int
        let percent: Double
    }

    struct Breakdown: Decodable, Equatable {
        struct Row: Decodable, Equatable {
            let index: Int?
            let value: Int?
            let total: Int
            let cells: [Cell]
        }

        struct Cell: Decodable, Equatable {
            let group: String
            let count: Int?
            let suppressed: Bool
        }

        let dimension: String
        let groups: [String]
        let rows: [Row]
    }

    struct Texts: Decodable, Equatable {
        struct Item: Decodable, Equatable { let text: String }
        struct Page: Decodable, Equatable {
            let number: Int
            let size: Int
            let total: Int
        }

        let items: [Item]
        let page: Page
    }

    let surveyId: String
    let state: String
    let respondents: Int
    let channels: [String: Int]
    let suppressionThreshold: Int
    let questions: [Question]

    static func decode(_ data: Data) throws -> TestResults {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(TestResults.self, from: data)
    }

    func question(_ position: Int) -> Question? {
        questions.first { $0.position == position }
    }
}
