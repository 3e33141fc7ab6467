import Foundation
import Platform

/// The agreement form, under the API's names; the objectives are typed one per line in each language (line n of
/// each language is objective n), the parties ticked (`parties[]`).
struct AgreementForm: Decodable {
    var slug: String?
    var kind: String?
    var title: Translated?
    var summary: Translated?
    var signedOn: String?
    var startsOn: String?
    var endsOn: String?
    var parties: [String]?
    var objectives: Translated?

    var input: AgreementInput {
        var input = AgreementInput()
        input.slug = Validate.trimmed(slug)
        input.kind = kind
        input.title = title
        input.summary = summary
        input.signedOn = signedOn ?? ""
        input.startsOn = startsOn ?? ""
        input.endsOn = endsOn ?? ""
        input.parties = (parties ?? []).map(OrganizationRef.init)
        input.objectives = Self.objectives(objectives ?? Translated())
        return input
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func objectives(_ text: Translated) -> [Translated] {
        let ar = lines(text.ar), fr = lines(text.fr), en = lines(text.en)
        return (0..<max(ar.count, fr.count, en.count)).map { index in
            func line(_ lines: [String]) -> String? { index < lines.count ? lines[index] : nil }
            return Translated(ar: line(ar), fr: line(fr), en: line(en))
        }
    }
}

/// The form adding a commitment on the agreement's page.
struct CommitmentForm: Decodable {
    var ownerID: String?
    var description: Translated?
    var dueOn: String?

    var input: CommitmentInput {
        CommitmentInput(ownerID: ownerID.flatMap(UUID.init(uuidString:)), description: description, dueOn: dueOn,
                        strategyObjectiveID: nil)
    }
}
