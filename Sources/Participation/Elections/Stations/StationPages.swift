import ArabicText
import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// The organiser's form opening a station: officers' e-mail addresses one per line.
struct StationForm: Decodable {
    var name: String?
    var wilayaCode: String?
    var officers: String?

    var input: StationInput {
        StationInput(name: name, wilayaCode: wilayaCode,
                     officers: (officers ?? "").split(whereSeparator: { $0.isNewline || $0 == "," }).map(String.init))
    }
}

/// A batch typed by an officer: one paper ballot per line, its project numbers separated by commas or spaces (in any
/// digits).
struct BatchForm: Decodable {
    var budgetID: String?
    var number: String?
    var ballots: String?
    var blank: String?
    var spoiled: String?

    func input() -> (BatchInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = BatchInput(budgetID: Validate.id(budgetID, field: "budget_id", into: &errors))
        input.number = FormNumbers.integer(number ?? "", field: "number", into: &errors)
        input.blank = FormNumbers.integer(blank ?? "", field: "blank", default: 0, into: &errors)
        input.spoiled = FormNumbers.integer(spoiled ?? "", field: "spoiled", default: 0, into: &errors)
        var ballots: [[Int]] = []
        for (index, line) in (ballots_text).enumerated() {
            let parts = ArabicText.latinDigits(line).split(whereSeparator: { $0 == "," || $0 == "،" || $0.isWhitespace })
            let numbers = parts.compactMap { Int($0) }
            if numbers.count != parts.count { errors.append(FieldError("ballots.\(index)", "election.validation.ballot_line", "\(index + 1)")) }
            ballots.append(numbers)
        }
        input.ballots = ballots
        return (input, errors)
    }

    private var ballots_text: [String] {
        (ballots ?? "").split(whereSeparator: \.isNewline).map(String.init).filter { Validate.trimmed($0) != nil }
    }
}

struct StationsPageContext: Encodable {
    struct Line: Encodable {
        let id: String
        let name: String
        let wilaya: String?
        let counted: Bool
    }

    let page: PageMeta
    let title: String
    let electionPath: String
    let path: String
    let stations: [Line]
    let organizer: Bool
    let form: FormState
    let wilayas: [ChoiceOption]

    static func path(_ election: BudgetElection, _ req: Request) -> String {
        ElectionPageContext.path(election, req) + "/stations"
    }

    static func make(_ election: BudgetElection, form: FormState, _ req: Request) async throws -> StationsPageContext {
        let stations = try await PollingStation.query(on: req.db).filter(\.$electionID == election.requireID())
            .sort(\.$name).all()
        let wilayas = try await Wilaya.query(on: req.db).sort(\.$id).all()
        let names = Dictionary(wilayas.map { ($0.id ?? "", $0.name(in: req.language)) }, uniquingKeysWith: { first, _ in first })
        return StationsPageContext(
            page: try await PageMeta.make(for: req, titleKey: "station.list_title", election.title), title: election.title,
            electionPath: ElectionPageContext.path(election, req), path: path(election, req),
            stations: try stations.map {
                Line(id: try $0.requireID().uuidString, name: $0.name, wilaya: $0.wilayaCode.flatMap { names[$0] },
                     counted: $0.countedAt != nil)
            },
            organizer: try await ElectionAuthoring.isOrganizer(req.currentUser, of: election, on: req.db)
                && election.talliedAt == nil && election.phase(at: req.now) != .closed,
            form: form,
            wilayas: wilayas.map {
                let code = $0.id ?? ""
                return ChoiceOption(value: code, label: "\(code) · " + $0.name(in: req.language),
                                    selected: form.values["wilaya_code"] == code)
            })
    }
}

/// A station's page: for its officers, the check-in form while voting is open, the batch form until the count is
/// finished, and the step finishing it after the close.
struct StationPageContext: Encodable {
    struct Forms {
        var checkIn: FormState = .empty
        var batch: FormState = .empty
        var checkedIn = false
        var entered: Int?
    }

    let page: PageMeta
    let name: String
    let electionTitle: String
    let electionPath: String
    let path: String
    let officer: Bool
    let open: Bool
    let closed: Bool
    let counted: Bool
    let checkedInCount: Int
    let batches: [BatchDTO]
    let checkIn: FormState
    let batch: FormState
    let checkedIn: Bool
    let entered: Int?
    let documentKinds: [ChoiceOption]
    let budgets: [ChoiceOption]

    static func make(_ station: PollingStation, forms: Forms, _ req: Request) async throws -> StationPageContext {
        guard let election = try await BudgetElection.find(station.electionID, on: req.db) else {
            throw ElectionError.electionNotFound
        }
        let id = try station.requireID()
        let budgets = try await ElectionBudget.query(on: req.db).filter(\.$electionID == station.electionID)
            .sort(\.$position).all()
        let phase = election.phase(at: req.now)
        let base = StationsPageContext.path(election, req) + "/" + id.uuidString
        return StationPageContext(
            page: try await PageMeta.make(for: req, titleKey: "station.show_title", station.name), name: station.name,
            electionTitle: election.title, electionPath: ElectionPageContext.path(election, req), path: base,
            officer: try await StationService.isOfficer(req.currentUser, of: station, on: req.db),
            open: phase == .open && election.talliedAt == nil, closed: phase == .closed,
            counted: station.countedAt != nil,
            checkedInCount: try await StationCheckins.count(id, on: req.db),
            batches: try await StationBatch.query(on: req.db).filter(\.$stationID == id).sort(\.$number).all().map {
                BatchDTO(number: $0.number, ballots: $0.ballots, blank: $0.blank, spoiled: $0.spoiled)
            },
            checkIn: forms.checkIn.prefixed("checkin-"), batch: forms.batch.prefixed("batch-").grouping("ballots"),
            checkedIn: forms.checkedIn, entered: forms.entered,
            documentKinds: AssistedInput.documentKinds.map {
                ChoiceOption(value: $0, label: req.t("participation.document." + $0),
                             selected: forms.checkIn.values["document_kind"] == $0)
            },
            budgets: budgets.count < 2 ? [] : try budgets.map {
                let value = try $0.requireID().uuidString
                let label = $0.wilayaCode.map { req.t("election.budget") + " " + $0 } ?? req.t("election.national_budget")
                return ChoiceOption(value: value, label: "\($0.position). " + label,
                                    selected: forms.batch.values["budget_id"] == value)
            })
    }
}

enum StationCheckins {
    static func count(_ stationID: UUID, on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        return try await sql.raw("SELECT COUNT(*) AS n FROM station_checkins WHERE station_id = \(bind: stationID)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
