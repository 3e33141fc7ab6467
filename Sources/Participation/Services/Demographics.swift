import Directory
import Fluent
import Platform
import Vapor

/// Wilaya, sex and age group as a person gives them when they take part (each optional), completed from their
/// directory profile. They are copied onto each endorsement and survey answer.
public struct Demographics: Codable, Sendable, Equatable {
    public var wilayaCode: String?
    public var sex: String?
    public var ageGroup: String?

    public init(wilayaCode: String? = nil, sex: String? = nil, ageGroup: String? = nil) {
        self.wilayaCode = wilayaCode
        self.sex = sex
        self.ageGroup = ageGroup
    }

    /// Checks given values (empty ones are "not given") and reports every problem at once.
    public static func validate(_ input: Demographics?, on db: any Database, into errors: inout [FieldError])
        async throws -> Demographics
    {
        var given = Demographics()
        guard let input else { return given }
        if let wilaya = Validate.trimmed(input.wilayaCode) {
            if try await Wilaya.find(wilaya, on: db) == nil { errors.append(FieldError("wilaya_code", "validation.invalid_choice")) }
            else { given.wilayaCode = wilaya }
        }
        if let sex = Validate.trimmed(input.sex) {
            if PersonSex(rawValue: sex) == nil { errors.append(FieldError("sex", "validation.invalid_choice")) }
            else { given.sex = sex }
        }
        if let group = Validate.trimmed(input.ageGroup) {
            if AgeGroup(rawValue: group) == nil { errors.append(FieldError("age_group", "validation.invalid_choice")) }
            else { given.ageGroup = group }
        }
        return given
    }

    /// The given values, completed from the account's directory profile.
    public static func of(userID: UUID?, given: Demographics, on db: any Database) async throws -> Demographics {
        guard let userID, given.wilayaCode == nil || given.sex == nil,
              let person = try await Person.query(on: db).filter(\.$userID == userID).filter(\.$erasedAt == nil).first()
        else { return given }
        return given.completed(by: Demographics(wilayaCode: person.wilayaCode, sex: person.sex?.rawValue))
    }

    /// These values, with the wilaya and sex of `profile` where none was given.
    public func completed(by profile: Demographics) -> Demographics {
        var result = self
        if result.wilayaCode == nil { result.wilayaCode = profile.wilayaCode }
        if result.sex == nil { result.sex = profile.sex }
        return result
    }
}

/// A citizen received in person by a coordinator: the identity document was checked (its kind is noted), its
/// number only serves to recognise the same person again, through a keyed hash.
public struct AssistedInput: Codable, Sendable {
    public var documentKind: String?
    public var documentNumber: String?
    public var demographics: Demographics?

    public init(documentKind: String? = nil, documentNumber: String? = nil, demographics: Demographics? = nil) {
        self.documentKind = documentKind
        self.documentNumber = documentNumber
        self.demographics = demographics
    }

    public static let documentKinds = ["national_id", "passport", "driving_licence"]

    /// The participant key and the captured demographics, or every problem.
    public func checked(on db: any Database) async throws -> (key: String, kind: String, demographics: Demographics) {
        var errors: [FieldError] = []
        let kind = Validate.trimmed(documentKind) ?? ""
        if kind.isEmpty { errors.append(FieldError("document_kind", "validation.required")) }
        else if !Self.documentKinds.contains(kind) { errors.append(FieldError("document_kind", "validation.invalid_choice")) }
        let number = (Validate.trimmed(documentNumber) ?? "").filter { $0.isLetter || $0.isNumber }
        if number.isEmpty { errors.append(FieldError("document_number", "validation.required")) }
        else if number.count < 5 || number.count > 30 { errors.append(FieldError("document_number", "validation.document_number")) }
        let demographics = try await Demographics.validate(demographics, on: db, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return (ParticipantKey.document(kind: kind, number: number, secret: try await Keyed.secret(on: db)), kind, demographics)
    }
}
