import Fluent
import SQLKit
import Vapor

/// A state of a workflow ("clear procedures", DESIGN.md): stored as its raw string.
public protocol WorkflowState: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {}
