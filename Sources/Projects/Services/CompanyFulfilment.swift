import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// Pledged and delivered value of one company, and the share delivered.
public struct CompanyFulfilment: Content {
    public let companyID: UUID
    public let company: Translated
    public let currency: String
    public let pledges: Int
    public let pledgedMinor: Int64
    public let deliveredMinor: Int64
    public let fulfilment: Double
}
