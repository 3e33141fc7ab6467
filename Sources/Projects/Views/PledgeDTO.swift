import Directory
import Fluent
import Platform
import Vapor

public struct PledgeDTO: Content {
    public let id: UUID
    public let companyID: UUID
    public let projectID: UUID?
    public let kind: String
    public let description: String
    public let valueMinor: Int64
    public let deliveredMinor: Int64
    public let currency: String
    public let fulfilment: Double
    public let state: String
    public let pledgedOn: String
    public let deliveries: [Delivery]?

    public struct Delivery: Content {
        public let deliveredOn: String
        public let valueMinor: Int64
        public let note: String
    }

    init(_ pledge: CSRPledge, deliveries: [CSRDelivery]? = nil) throws {
        id = try pledge.requireID()
        companyID = pledge.companyID
        projectID = pledge.projectID
        kind = pledge.kind.rawValue
        description = pledge.details
        valueMinor = pledge.valueMinor
        deliveredMinor = pledge.deliveredMinor
        currency = pledge.currency
        fulfilment = (pledge.fulfilment * 10).rounded() / 10
        state = pledge.state.rawValue
        pledgedOn = pledge.pledgedOn
        self.deliveries = deliveries?.map { Delivery(deliveredOn: $0.deliveredOn, valueMinor: $0.valueMinor, note: $0.note) }
    }
}
