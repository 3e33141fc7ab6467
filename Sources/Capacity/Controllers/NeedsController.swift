import Directory
import Fluent
import Platform
import Vapor

/// Training needs: `/{lang}/training-needs` (an association declares its needs and sees them answered; organisers
/// read the demand by domain and wilaya, `year`, `wilaya`, `domain`), `/api/v1/training-needs` (list, declare),
/// `/api/v1/training-needs/demand`, and the needs an event answers (`/{lang}/events/{id}/needs`,
/// `PUT /api/v1/events/{id}/needs`).
struct NeedsController: RouteCollection {
    struct API: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let needs = routes.grouped("api", "v1", "training-needs")
            needs.get(use: list)
            needs.post(use: declare)
            needs.get("demand", use: demand)
            needs.delete(":id", use: withdraw)
            routes.put("api", "v1", "events", ":id", "needs", use: link)
        }

        struct NeedRow: Content {
            let id: UUID
            let organizationID: UUID
            let domainCode: String
            let dimension: String?
            let wilayaCode: String?
            let description: String
            let people: Int
            let year: Int
            let eventIDs: [UUID]
        }

        static func rows(_ needs: [TrainingNeed], on db: any Database) async throws -> [NeedRow] {
            let links = try await EventNeed.query(on: db).filter(\.$needID ~~ needs.compactMap(\.id)).all()
            return try needs.map { need in
                let id = try need.requireID()
                return NeedRow(id: id, organizationID: need.organizationID, domainCode: need.domainCode,
                               dimension: need.dimension?.rawValue, wilayaCode: need.wilayaCode, description: need.details,
                               people: need.people, year: need.year,
                               eventIDs: links.filter { $0.needID == id }.map(\.eventID))
            }
        }

        @Sendable func list(req: Request) async throws -> [NeedRow] {
            let user = try req.requireUser()
            return try await Self.rows(try await Needs.visible(to: user, year: req.query[Int.self, at: "year"], on: req.db),
                                       on: req.db)
        }

        @Sendable func declare(req: Request) async throws -> Response {
            let user = try req.requireUser()
            let need = try await Needs.declare(try req.content.decode(NeedInput.self), by: user, req.service)
            return try await Self.rows([need], on: req.db)[0].encodeResponse(status: .created, for: req)
        }

        @Sendable func withdraw(req: Request) async throws -> HTTPStatus {
            let user = try req.requireUser()
            try await Needs.withdraw(try await req.find(TrainingNeed.self, id: "id", orElse: CapacityError.needNotFound), by: user, req.service)
            return .noContent
        }

        @Sendable func demand(req: Request) async throws -> [Needs.Demand] {
            let user = try req.requireUser()
            guard EventPolicy.mayCreate(user) else { throw PlatformError.forbidden(permission: .organizeEvents) }
            let filter = try NeedsPageContext.Filter(req)
            return try await Needs.demand(year: filter.year, wilayaCode: filter.wilaya, domainCode: filter.domain,
                                          on: req.db)
        }

        struct LinkInput: Content {
            var needIDs: [UUID]?
        }

        struct Linked: Content {
            let needIDs: [UUID]
        }

        @Sendable func link(req: Request) async throws -> Linked {
            let user = try req.requireUser()
            let event = try await EventsAPIController.event(req)
            let ids = try req.content.decode(LinkInput.self).needIDs ?? []
            try await Needs.link(event, needIDs: ids, by: user, req.service)
            return Linked(needIDs: ids)
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(CapacitySiteURL.trainingNeeds.pathComponents, use: page)
        routes.post(CapacitySiteURL.trainingNeeds.pathComponents, use: declare)
        routes.post(CapacitySiteURL.trainingNeeds.pathComponents + [":id", "withdraw"], use: withdraw)
        routes.post(CapacitySiteURL.events.pathComponents + [":id", "needs"], use: link)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var form = FormState.empty
        // From a weak dimension of the self-assessment: the form comes filled in.
        let given = ["dimension": req.query[String.self, at: "dimension"] ?? "",
                     "organization_id": req.query[String.self, at: "organization"] ?? "", "people": "1"]
        form = form.showing(given.filter { !$0.value.isEmpty })
        return try await req.render("capacity/needs", try await NeedsPageContext.make(req, user: user, form: form))
    }

    @Sendable func declare(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submitting {
            let (input, unread) = try req.form(NeedForm.self).input()
            guard unread.isEmpty else { throw ValidationFailure(unread) }
            _ = try await Needs.declare(input, by: user, req.service)
            return req.seeOther(CapacitySiteURL.trainingNeeds.path(in: req.language) + "?declared=1#mine")
        } refused: { state in
            try await req.render("capacity/needs", try await NeedsPageContext.make(req, user: user, form: state))
        }
    }

    /// Confirmed first: the need leaves the demand and the events that answered it.
    @Sendable func withdraw(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let need = try await req.find(TrainingNeed.self, id: "id", orElse: CapacityError.needNotFound)
        let back = CapacitySiteURL.trainingNeeds.path(in: req.language)
        let confirmation = Confirmation(action: req.t("need.withdraw"), subject: need.details,
                                        lines: [req.t("need.withdraw_explained")], back: back + "#mine")
        return try await req.confirming(confirmation, confirmed: try req.form(StepForm.self).isConfirmed) {
            try await Needs.withdraw(need, by: user, req.service)
            return req.seeOther(back + "?withdrawn=1#mine")
        }
    }

    @Sendable func link(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let event = try await EventsAPIController.event(req)
        return try await req.submitting(refusing: CapacityError.self) {
            let ids = (try req.form(NeedLinkForm.self).needIDs ?? []).compactMap(UUID.init(uuidString:))
            try await Needs.link(event, needIDs: ids, by: user, req.service)
            return req.seeOther(EventPageContext.path(event, req) + "?done=needs#needs")
        } refused: { state in
            try await req.render("capacity/event", try await EventPageContext.make(event, forms: .init(steps: state), req))
        }
    }
}
