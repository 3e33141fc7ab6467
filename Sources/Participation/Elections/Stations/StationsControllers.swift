import Fluent
import Platform
import Vapor

/// `/api/v1/pb-elections/{id}/stations`: the list, opening one (organiser), and for its officers
/// `/{station}/check-ins`, `/{station}/batches` and `/{station}/count` (the count finished).
struct StationsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let stations = routes.grouped("api", "v1", "pb-elections", ":id", "stations")
        stations.get(use: list)
        stations.post(use: create)
        stations.post(":station", "check-ins", use: checkIn)
        stations.post(":station", "batches", use: batch)
        stations.post(":station", "count", use: count)
    }

    /// The station of the route, in the election of the route.
    static func station(_ req: Request) async throws -> PollingStation {
        let election = try await ElectionsAPIController.election(req)
        guard let id = req.parameters.get("station", as: UUID.self), let station = try await PollingStation.find(id, on: req.db),
              station.electionID == election.id else { throw ElectionError.stationNotFound }
        return station
    }

    @Sendable func list(req: Request) async throws -> [StationDTO] {
        let election = try await ElectionsAPIController.election(req)
        return try await PollingStation.query(on: req.db).filter(\.$electionID == election.requireID()).sort(\.$name).all()
            .map(StationDTO.init)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let station = try await StationService.open(try await ElectionsAPIController.election(req),
                                                    try req.content.decode(StationInput.self), by: user, on: req.db,
                                                    now: req.now)
        return try await StationDTO(station).encodeResponse(status: .created, for: req)
    }

    @Sendable func checkIn(req: Request) async throws -> HTTPStatus {
        let user = try req.requireUser()
        try await StationService.checkIn(try await Self.station(req), try req.content.decode(CheckInInput.self), by: user,
                                         on: req.db, now: req.now)
        return .created
    }

    @Sendable func batch(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let batch = try await StationService.enterBatch(try await Self.station(req), try req.content.decode(BatchInput.self),
                                                        by: user, on: req.db, now: req.now)
        return try await BatchDTO(number: batch.number, ballots: batch.ballots, blank: batch.blank, spoiled: batch.spoiled)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func count(req: Request) async throws -> StationDTO {
        let user = try req.requireUser()
        let station = try await Self.station(req)
        try await StationService.finishCount(station, by: user, on: req.db, now: req.now)
        return try StationDTO(station)
    }
}

public struct StationDTO: Content, Sendable {
    public let id: UUID
    public let name: String
    public let wilayaCode: String?
    public let countedAt: Date?

    init(_ station: PollingStation) throws {
        (id, name, wilayaCode, countedAt) = (try station.requireID(), station.name, station.wilayaCode, station.countedAt)
    }
}

public struct BatchDTO: Content, Sendable {
    public let number: Int
    public let ballots: Int
    public let blank: Int
    public let spoiled: Int
}

/// The pages of polling stations: `/{lang}/pb-elections/{id}/stations` (the list, the organiser's form) and a station's
/// page for its officers (checking citizens in, entering a batch of paper ballots, finishing the count).
struct StationsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let stations = ElectionsSiteURL.elections.pathComponents + [":id", "stations"]
        routes.get(stations, use: list)
        routes.post(stations, use: create)
        routes.get(stations + [":station"], use: show)
        routes.post(stations + [":station", "check-ins"], use: checkIn)
        routes.post(stations + [":station", "batches"], use: batch)
        routes.post(stations + [":station", "count"], use: count)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await req.render("participation/station-list", try await StationsPageContext.make(
            try await ElectionsAPIController.election(req), form: .empty, req))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let election = try await ElectionsAPIController.election(req)
        return try await req.submitting(refusing: ElectionError.self) {
            let form = try req.form(StationForm.self)
            let station = try await StationService.open(election, form.input, by: user, on: req.db, now: req.now)
            return req.seeOther(StationsPageContext.path(election, req) + "/" + (station.id?.uuidString ?? ""))
        } refused: { state in
            try await req.render("participation/station-list", try await StationsPageContext.make(election, form: state, req))
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, try await StationsAPIController.station(req), forms: .init())
    }

    func render(_ req: Request, _ station: PollingStation, forms: StationPageContext.Forms) async throws -> Response {
        try await req.render("participation/station-show", try await StationPageContext.make(station, forms: forms, req))
    }

    @Sendable func checkIn(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let station = try await StationsAPIController.station(req)
        return try await req.submitting(refusing: ElectionError.self) {
            try await StationService.checkIn(station, try req.form(CheckInInput.self), by: user, on: req.db, now: req.now)
            return try await render(req, station, forms: .init(checkedIn: true))
        } refused: { state in
            try await render(req, station, forms: .init(checkIn: state))
        }
    }

    @Sendable func batch(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let station = try await StationsAPIController.station(req)
        return try await req.submitting(refusing: ElectionError.self) {
            let (input, unread) = try req.form(BatchForm.self).input()
            guard unread.isEmpty else { throw ValidationFailure(unread) }
            let batch = try await StationService.enterBatch(station, input, by: user, on: req.db, now: req.now)
            return try await render(req, station, forms: .init(entered: batch.number))
        } refused: { state in
            try await render(req, station, forms: .init(batch: state))
        }
    }

    @Sendable func count(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let station = try await StationsAPIController.station(req)
        _ = try req.form(StepForm.self)
        return try await req.submitting(refusing: ElectionError.self) {
            try await StationService.finishCount(station, by: user, on: req.db, now: req.now)
            return req.seeOther(StationsPageContext.path(try await ElectionsAPIController.election(req), req)
                                + "/" + (station.id?.uuidString ?? ""))
        } refused: { state in
            try await render(req, station, forms: .init(batch: state))
        }
    }
}
