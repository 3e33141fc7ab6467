import Foundation
import Vapor

public struct CatalogError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "Cannot load catalog \(path): \(reason)" }
}
