import Fluent
import Platform
import Vapor

/// Lists of polls: of a process (with its debates' polls), of a debate, of an assembly, or all, newest first.
public enum PollQuery {
    public struct Filter: Sendable {
        public var processID: UUID?
        public var debateID: UUID?
        public var assemblyID: UUID?

        public init(processID: UUID? = nil, debateID: UUID? = nil, assemblyID: UUID? = nil) {
            (self.processID, self.debateID, self.assemblyID) = (processID, debateID, assemblyID)
        }

        /// The list's address: `process` (id or slug), `debate`, `assembly`; refused when one names nothing.
        init(_ req: Request) async throws {
            processID = try await ElectionQuery.processFilter(req)
            debateID = try Self.id(req, "debate")
            assemblyID = try Self.id(req, "assembly")
        }

        static func id(_ req: Request, _ name: String) throws -> UUID? {
            guard let raw = req.query[String.self, at: name], !raw.isEmpty else { return nil }
            guard let id = UUID(uuidString: raw) else { throw ValidationFailure([FieldError(name, "validation.invalid_choice")]) }
            return id
        }
    }

    public static func list(_ filter: Filter, page: PageQuery, on db: any Database) async throws -> ([Poll], Int) {
        var debates: [UUID] = []
        if let processID = filter.processID {
            debates = try await Debate.query(on: db).filter(\.$processID == processID).all().compactMap(\.id)
        }
        func query() -> QueryBuilder<Poll> {
            var query = Poll.query(on: db)
            if let processID = filter.processID {
                query = query.group(.or) { group in
                    group.filter(\.$processID == processID)
                    if !debates.isEmpty { group.filter(\.$debateID ~~ debates) }
                }
            }
            if let debateID = filter.debateID { query = query.filter(\.$debateID == debateID) }
            if let assemblyID = filter.assemblyID { query = query.filter(\.$assemblyID == assemblyID) }
            return query
        }
        let total = try await query().count()
        let items = try await query().sort(\.$opensAt, .descending).sort(\.$createdAt, .descending)
            .range(page.offset..<page.offset + page.size).all()
        return (items, total)
    }
}
