import Agreements
import Directory
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// Staff author strategies through the API: a whole strategy copied from what `GET` returns, one more axis,
/// objective or indicator, an indicator's new definition; every problem named with its field; a history.
@Suite("Authoring strategies through the API")
struct StrategyAuthoringTests {
    struct Report: Decodable {
        struct Step: Decodable { let action: String; let actor: String?; let actor_kind: String }
        struct Indicator: Decodable { let id: UUID; let code: String; let targets: [String: Double]; let method: Translated? }
        struct Objective: Decodable { let id: UUID; let code: String; let indicators: [Indicator] }
        struct Axis: Decodable { let id: UUID; let code: String; let objectives: [Objective] }
        let id: UUID
        let slug: String
        let owner_id: UUID
        let axes: [Axis]
        let history: [Step]
    }

    @Test func aStrategyIsCopiedThroughTheAPIFromWhatGETReturns() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "coordinator@example.org", name: "Nadia", roles: [.coordinator])
            try await makeUser(app, email: "member@example.org", roles: [.member])
            let api = TestAPI(app)
            let fetched = try await api.call(.GET, "/api/v1/strategies/\(AgreementsDemo.strategySlug)", as: nil)
            #expect(fetched.status == .ok, "\(fetched.body.string.prefix(300))")
            let original = fetched.body.string

            // act: the same body with another address and other indicator codes
            let copy = original.replacingOccurrences(of: "\"\(AgreementsDemo.strategySlug)\"", with: "\"strategy-copy\"")
                .replacingOccurrences(of: "\"IND-", with: "\"CPY-")
            let refused = try await api.call(.POST, "/api/v1/strategies", as: "member@example.org", json: copy)
            let created = try await api.call(.POST, "/api/v1/strategies", as: "coordinator@example.org", json: copy)
            let again = try await api.call(.POST, "/api/v1/strategies", as: "coordinator@example.org", json: copy)

            // assert: the copy has the same tree, its own ids, and a history naming its author
            #expect(refused.status == .forbidden)
            #expect(created.status == .created && created.headers.first(name: .location) == "/api/v1/strategies/strategy-copy",
                    "\(created.body.string.prefix(600))")
            let source = try JSONDecoder().decode(Report.self, from: Data(original.utf8))
            let made = try created.decoded(Report.self)
            #expect(made.slug == "strategy-copy" && made.id != source.id && made.owner_id == source.owner_id)
            #expect(made.axes.map(\.code) == source.axes.map(\.code))
            #expect(made.axes.flatMap(\.objectives).map(\.code) == source.axes.flatMap(\.objectives).map(\.code))
            let madeIndicators = made.axes.flatMap(\.objectives).flatMap(\.indicators)
            let sourceIndicators = source.axes.flatMap(\.objectives).flatMap(\.indicators)
            #expect(madeIndicators.count == sourceIndicators.count && !madeIndicators.isEmpty)
            #expect(madeIndicators.map(\.targets) == sourceIndicators.map(\.targets))
            #expect(made.history.map(\.action) == ["create"] && made.history.first?.actor == "Nadia")
            #expect(again.status == .unprocessableEntity && again.body.string.contains(#""field":"slug""#))
        }
    }

    @Test func everyProblemOfANestedStrategyIsNamedWithItsPath() async throws {
        try await withShabaka(demo: true) { app in
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let bad = try await TestAPI(app).call(.POST, "/api/v1/strategies", as: "coordinator@example.org", json: """
                {"title": {}, "owner": "nope", "start_year": 2026, "end_year": 2028,
                 "axes": [{"code": "A 1", "title": {}, "objectives": [{"code": "O1", "title": {"ar": "هدف"},
                   "indicators": [{"code": "X-1", "name": {"fr": "Associations"}, "unit": {"fr": "nombre"},
                                   "method": {"fr": "Registre"}, "baseline": 1e300, "baseline_year": 2024,
                                   "direction": "sideways", "targets": {"2040": 10}}]}]}]}
                """)
            #expect(bad.status == .unprocessableEntity)
            for field in ["title", "owner", "axes[0].code", "axes[0].title", "axes[0].objectives[0].indicators[0].baseline",
                          "axes[0].objectives[0].indicators[0].direction", "axes[0].objectives[0].indicators[0].targets"] {
                #expect(bad.body.string.contains(#""field":"\#(field)""#), "\(field)")
            }
            #expect(try await rowCount(app, "strategies") == 1, "nothing written")
        }
    }

    @Test func staffAddAnAxisAnObjectiveAndAnIndicatorThenRedefineIt() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "coordinator@example.org", name: "Nadia", roles: [.coordinator])
            let api = TestAPI(app)
            let created = try await api.call(.POST, "/api/v1/strategies", as: "coordinator@example.org", json: """
                {"slug": "plan-2027", "title": {"ar": "خطة 2027", "fr": "Plan 2027"}, "owner": "\(DirectoryDemo.networkSlug)",
                 "start_year": 2027, "end_year": 2029}
                """)
            #expect(created.status == .created)

            // act
            let axis = try await api.call(.POST, "/api/v1/strategies/plan-2027/axes", as: "coordinator@example.org",
                                          json: #"{"code": "A1", "title": {"ar": "التكوين"}}"#).decoded(Report.self).axes[0]
            let objective = try await api.call(.POST, "/api/v1/strategy-axes/\(axis.id)/objectives", as: "coordinator@example.org",
                                               json: #"{"code": "O1.1", "title": {"fr": "Former les associations"}}"#)
                .decoded(Report.self).axes[0].objectives[0]
            let indicatorBody = """
                {"code": "P27-01", "name": {"ar": "جمعيات مكوّنة"}, "unit": {"ar": "جمعية"}, "method": {"ar": "سجلات الحضور"},
                 "baseline": 0, "baseline_year": 2026, "direction": "increase", "aggregation": "sum",
                 "disaggregations": ["wilaya", "sex"], "targets": {"2027": 20, "2028": 40, "2029": 60}}
                """
            let outside = try await api.call(.POST, "/api/v1/strategy-objectives/\(objective.id)/indicators",
                                             as: "coordinator@example.org",
                                             json: indicatorBody.replacingOccurrences(of: "\"2029\"", with: "\"2031\""))
            let added = try await api.call(.POST, "/api/v1/strategy-objectives/\(objective.id)/indicators",
                                           as: "coordinator@example.org", json: indicatorBody)
            let indicator = try added.decoded(Report.self).axes[0].objectives[0].indicators[0]
            let redefined = try await api.call(.PATCH, "/api/v1/indicators/\(indicator.id)", as: "coordinator@example.org",
                                               json: indicatorBody.replacingOccurrences(of: "\"2029\": 60", with: "\"2029\": 80"))

            // assert
            #expect(outside.status == .unprocessableEntity && outside.body.string.contains(#""field":"targets""#))
            #expect(added.status == .created && indicator.method?.ar == "سجلات الحضور")
            let final = try redefined.decoded(Report.self)
            #expect(final.axes[0].objectives[0].indicators[0].targets["2029"] == 80)
            #expect(final.history.map(\.action) == ["create", "add_axis", "add_objective", "add_indicator", "edit_indicator"])
            #expect(final.history.allSatisfy { $0.actor == "Nadia" })
        }
    }

    @Test func anActionPlanIsCopiedThroughTheAPIAndItsActivitiesFollowed() async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
            let api = TestAPI(app)
            struct Plan: Decodable {
                struct Activity: Decodable { let id: UUID; let state: String; let budget_minor: Int64 }
                let id: UUID
                let year: Int
                let activities: [Activity]
            }
            struct Page: Decodable { let items: [Plan] }
            let plans = try await api.call(.GET, "/api/v1/action-plans", as: nil).decoded(Page.self).items
            let original = try #require(plans.first)
            let body = try await api.call(.GET, "/api/v1/action-plans/\(original.id)", as: nil).body.string

            // act: the same plan for the next year, an activity more, one activity done
            let copy = body.replacingOccurrences(of: "\"year\":\(original.year)", with: "\"year\":\(original.year + 1)")
            let created = try await api.call(.POST, "/api/v1/action-plans", as: "coordinator@example.org", json: copy)
            let plan = try created.decoded(Plan.self)
            let badYear = try await api.call(.POST, "/api/v1/action-plans", as: "coordinator@example.org",
                                             json: body.replacingOccurrences(of: "\"year\":\(original.year)", with: "\"year\":1999"))
            let added = try await api.call(.POST, "/api/v1/action-plans/\(plan.id)/activities", as: "coordinator@example.org",
                                           json: #"{"title": {"ar": "يوم دراسي"}, "state": "planned", "budget_minor": 5000000}"#)
            let first = try #require(plan.activities.first)
            let done = try await api.call(.PATCH, "/api/v1/activities/\(first.id)", as: "coordinator@example.org",
                                          json: #"{"title": {"fr": "Formation"}, "state": "done", "budget_minor": 100}"#)

            // assert
            #expect(created.status == .created && plan.year == original.year + 1)
            #expect(plan.activities.count == original.activities.count && !plan.activities.isEmpty)
            #expect(badYear.status == .unprocessableEntity && badYear.body.string.contains(#""field":"year""#))
            #expect(try added.decoded(Plan.self).activities.count == plan.activities.count + 1)
            #expect(try done.decoded(Plan.self).activities.first { $0.id == first.id }?.state == "done")
        }
    }
}
