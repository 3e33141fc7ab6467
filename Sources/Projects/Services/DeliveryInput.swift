import Directory
import Fluent
import Platform
import SQLKit
import Vapor

public struct DeliveryInput: Content, Sendable {
    public var deliveredOn: String?
    public var valueMinor: Int64?
    public var note: String?
    public init() {}
}
