/// Phrases copied verbatim from the founding document, shared/mission/seed-ar.txt.
/// ``SeedDocumentTests`` checks that each one still occurs in that file.
enum SeedPhrases {
    static let network = "شبكة الديمقراطية التشاركية والاقتصاد الاجتماعي والتضامني"
    static let observatory = "المرصد الوطني للمجتمع المدني"
    static let socialEconomy = "الاقتصاد الاجتماعي والتضامني"
    static let solidarityEconomy = "الاقتصاد التضامني"
    static let corporateResponsibility = "المسؤولية الاجتماعية للمؤسسات الاقتصادية"
    static let civilSocietyAssociations = "جمعيات المجتمع المدني"
    static let associativeNetworks = "شبكات جمعوية متخصصة"
    static let citizenship = "ثقافة التعاون والمواطنة والديمقراطية التشاركية"
    static let nonGovernmental = "الجمعيات غير الحكومية"
    static let period = "لفترة 2024-2030"
    /// The document spells "the agreement" both with and without hamza.
    static let agreementWithHamza = "الإتفاقية"
    static let agreementWithoutHamza = "الاتفاقية"

    static let all = [
        network, observatory, socialEconomy, solidarityEconomy, corporateResponsibility, civilSocietyAssociations,
        associativeNetworks, citizenship, nonGovernmental, period, agreementWithHamza, agreementWithoutHamza,
    ]
}
