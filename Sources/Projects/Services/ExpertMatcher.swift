import Foundation
import Platform

/// Ranks experts for an expertise request, and says why each one matches.
///
/// Points: the requested domain among the expert's fields 40 (or a field of the same group, e.g. another
/// `sse.*` sector, 15); the same wilaya 20; works in the requested language 20; available 15, limited 5.
/// Only experts with a domain match are proposed; unavailable experts are left out. Ties go by name.
public enum ExpertMatcher {
    public struct Candidate: Sendable {
        public let id: UUID
        public let name: String
        public let domains: Set<String>
        public let wilayaCode: String?
        public let languages: Set<String>
        public let availability: String
        /// When the expert gave it: the reasons and labels about them agree with it.
        public let sex: PersonSex?

        public init(id: UUID, name: String, domains: Set<String>, wilayaCode: String?, languages: Set<String>, availability: String,
                    sex: PersonSex? = nil) {
            self.id = id
            self.name = name
            self.sex = sex
            self.domains = domains
            self.wilayaCode = wilayaCode
            self.languages = languages
            self.availability = availability
        }
    }

    /// One reason, as a catalog key (`expertise.reason.<code>`) and its argument.
    public struct Reason: Codable, Sendable, Equatable {
        public let code: String
        public let points: Int
        public let argument: String

        public init(code: String, points: Int, argument: String) {
            self.code = code
            self.points = points
            self.argument = argument
        }
    }

    public struct Match: Sendable {
        public let candidate: Candidate
        public let score: Int
        public let reasons: [Reason]
    }

    public struct Need: Sendable {
        public let domain: String
        public let wilayaCode: String?
        public let language: String

        public init(domain: String, wilayaCode: String?, language: String) {
            self.domain = domain
            self.wilayaCode = wilayaCode
            self.language = language
        }
    }

    static func group(_ domain: String) -> Substring { domain.split(separator: ".").first ?? Substring(domain) }

    public static func rank(_ request: Need, among candidates: [Candidate]) -> [Match] {
        candidates.compactMap { candidate -> Match? in
            guard candidate.availability != "unavailable" else { return nil }
            var reasons: [Reason] = []
            if candidate.domains.contains(request.domain) {
                reasons.append(Reason(code: "domain", points: 40, argument: request.domain))
            } else if let related = candidate.domains.sorted().first(where: { group($0) == group(request.domain) }) {
                reasons.append(Reason(code: "related_domain", points: 15, argument: related))
            } else {
                return nil
            }
            if let wilaya = request.wilayaCode, candidate.wilayaCode == wilaya {
                reasons.append(Reason(code: "wilaya", points: 20, argument: wilaya))
            }
            if candidate.languages.contains(request.language) {
                reasons.append(Reason(code: "language", points: 20, argument: request.language))
            }
            switch candidate.availability {
            case "available": reasons.append(Reason(code: "available", points: 15, argument: ""))
            case "limited": reasons.append(Reason(code: "limited", points: 5, argument: ""))
            default: break
            }
            return Match(candidate: candidate, score: reasons.reduce(0) { $0 + $1.points }, reasons: reasons)
        }
        .sorted { $0.score != $1.score ? $0.score > $1.score : $0.candidate.name < $1.candidate.name }
    }
}
