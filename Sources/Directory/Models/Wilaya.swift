import Fluent
import Platform
import Vapor

/// One of Algeria's 58 wilayas (ISO 3166-2:DZ), reference data.
public final class Wilaya: Model, @unchecked Sendable {
    public static let schema = "wilayas"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "iso_code") public var isoCode: String
    @Field(key: "name_ar") public var nameArabic: String
    @Field(key: "name_fr") public var nameFrench: String

    public init() {}

    public init(code: String, isoCode: String, nameArabic: String, nameFrench: String) {
        self.id = code
        self.isoCode = isoCode
        self.nameArabic = nameArabic
        self.nameFrench = nameFrench
    }

    /// Arabic name in Arabic; the ISO (French) name otherwise, as official lists write it.
    public func name(in language: SiteLanguage) -> String {
        language == .ar ? nameArabic : nameFrench
    }
}
