import Platform

/// The taxonomy of domains seeded on first migration. Codes are stable (`group.name`); names are
/// translatable and may be edited later.
enum DomainCatalog {
    static let groups = ["sse", "democracy", "csr"]

    static let entries: [(code: String, name: Translated)] = [
        ("sse.agriculture", Translated(ar: "الفلاحة والصناعات الغذائية", fr: "Agriculture et agroalimentaire",
                                       en: "Agriculture and food")),
        ("sse.crafts", Translated(ar: "الصناعات التقليدية والحرف", fr: "Artisanat", en: "Handicrafts")),
        ("sse.recycling", Translated(ar: "الرسكلة والبيئة", fr: "Recyclage et environnement",
                                     en: "Recycling and environment")),
        ("sse.tourism", Translated(ar: "السياحة التضامنية", fr: "Tourisme solidaire", en: "Solidarity tourism")),
        ("sse.care", Translated(ar: "الخدمات الاجتماعية والرعاية", fr: "Services sociaux et d'aide",
                                en: "Social and care services")),
        ("sse.finance", Translated(ar: "التمويل التضامني والقرض المصغر", fr: "Finance solidaire et microcrédit",
                                   en: "Solidarity finance and microcredit")),
        ("sse.entrepreneurship", Translated(ar: "المقاولاتية الاجتماعية", fr: "Entrepreneuriat social",
                                            en: "Social entrepreneurship")),
        ("sse.employment", Translated(ar: "التشغيل وإدماج الشباب", fr: "Emploi et insertion des jeunes",
                                      en: "Employment and youth inclusion")),
        ("sse.women", Translated(ar: "التمكين الاقتصادي للمرأة", fr: "Autonomisation économique des femmes",
                                 en: "Women's economic empowerment")),
        ("sse.digital", Translated(ar: "الرقمنة والابتكار", fr: "Numérique et innovation",
                                   en: "Digital and innovation")),
        ("democracy.participatory_budgeting", Translated(ar: "الميزانية التشاركية", fr: "Budget participatif",
                                                         en: "Participatory budgeting")),
        ("democracy.local_development", Translated(ar: "التنمية المحلية", fr: "Développement local",
                                                   en: "Local development")),
        ("democracy.citizenship", Translated(ar: "المواطنة والتوعية", fr: "Citoyenneté et sensibilisation",
                                             en: "Citizenship and awareness")),
        ("democracy.consultation", Translated(ar: "التشاور العمومي", fr: "Concertation publique",
                                              en: "Public consultation")),
        ("democracy.youth", Translated(ar: "مشاركة الشباب", fr: "Participation des jeunes",
                                       en: "Youth participation")),
        ("democracy.capacity", Translated(ar: "تقوية قدرات الجمعيات", fr: "Renforcement des capacités associatives",
                                          en: "Capacity building of associations")),
        ("csr.partnerships", Translated(ar: "شراكات المؤسسات الاقتصادية", fr: "Partenariats avec les entreprises",
                                        en: "Company partnerships")),
        ("csr.skills", Translated(ar: "رعاية الكفاءات", fr: "Mécénat de compétences", en: "Skills sponsorship")),
        ("csr.environment", Translated(ar: "المسؤولية البيئية", fr: "Responsabilité environnementale",
                                       en: "Environmental responsibility")),
    ]
}
