import Fluent
import Platform
import Vapor

/// The founding document's organisations, a handful of member associations in several wilayas, experts
/// who consented to a public profile, and a membership application waiting for review.
public enum DirectoryDemo {
    public static let observatorySlug = "national-observatory-civil-society"
    public static let networkSlug = "network-participatory-democracy-sse"

    public static func load(on db: any Database, now: Date) async throws {
        let actor = AuditActor.system
        try await db.transaction { tx in
            var created: [String: Organization] = [:]
            for input in organizations {
                created[input.slug ?? ""] = try await OrganizationService.insert(input, actor: actor, on: tx, now: now)
            }
            guard let network = created[networkSlug]?.id else { return }
            for slug in ["tadamoun-batna", "nour-women-ghardaia", "green-oasis-biskra", "atlas-crafts-tlemcen"] {
                guard let member = created[slug]?.id else { continue }
                let membership = NetworkMembership(networkID: network, memberID: member, applicationID: nil)
                try await membership.create(on: tx)
                try await WorkflowStep.record(workflow: "membership", subjectID: try membership.requireID(), action: "admit",
                                              from: nil, to: MembershipState.active.rawValue, actor: actor,
                                              reason: "عضو مؤسس للشبكة", on: tx, at: now)
            }
            for expert in experts {
                let person = Person()
                person.displayName = expert.name
                person.kind = expert.kind
                person.sex = expert.sex
                person.title = expert.title
                person.bio = expert.bio
                person.wilayaCode = expert.wilaya
                person.languages = expert.languages
                person.availability = .available
                person.isPublic = true
                person.consentedAt = now
                try await person.create(on: tx)
                for domain in expert.domains {
                    try await PersonExpertise(personID: try person.requireID(), domainCode: domain).create(on: tx)
                }
                try await PersonSearchIndex.reindex(person, on: tx)
            }
            // A registration that waits for the network's staff to verify it (registered from the site).
            let waiting = try await OrganizationService.insert(pendingRegistration, actor: actor, on: tx, now: now)
            waiting.verification = .pending
            try await waiting.save(on: tx)
            try await WorkflowStep.record(workflow: "organization", subjectID: try waiting.requireID(), action: "register",
                                          from: nil, to: OrganizationVerification.pending.rawValue, actor: actor,
                                          reason: nil, on: tx, at: now)
            guard let applicant = created["youth-entrepreneurs-oran"]?.id else { return }
            let application = MembershipApplication()
            application.networkID = network
            application.organizationID = applicant
            application.state = .submitted
            application.motivation = "نرغب في الانضمام إلى الشبكة لتبادل الخبرات في مرافقة الشباب حاملي المشاريع التضامنية."
            application.accreditationNumber = "31/2019/112"
            application.accreditationDate = "2019-03-14"
            application.domains = "sse.employment,sse.entrepreneurship"
            application.references = "مديرية التشغيل لولاية وهران؛ حاضنة جامعة وهران 2"
            application.checklist = [:]
            try await application.create(on: tx)
            try await WorkflowStep.record(workflow: "application", subjectID: try application.requireID(), action: "submit",
                                          from: nil, to: ApplicationState.submitted.rawValue, actor: actor, reason: nil,
                                          on: tx, at: now)
        }
    }

    static func organization(
        _ slug: String, _ kind: OrganizationKind, ar: String, fr: String, en: String, about: Translated, wilaya: String,
        domains: [String], accreditation: (String, String)? = nil, founded: String? = nil
    ) -> OrganizationInput {
        var input = OrganizationInput()
        input.slug = slug
        input.kind = kind.rawValue
        input.name = Translated(ar: ar, fr: fr, en: en)
        input.description = about
        input.wilayaCode = wilaya
        input.domains = domains
        input.accreditationNumber = accreditation?.0
        input.accreditationDate = accreditation?.1
        input.foundedOn = founded
        return input
    }

    static var pendingRegistration: OrganizationInput {
        organization(
            "palm-heritage-ouargla", .association, ar: "جمعية تراث النخيل - ورقلة", fr: "Association Patrimoine du palmier – Ouargla",
            en: "Palm Heritage Association – Ouargla",
            about: Translated(ar: "تثمين منتجات النخيل وتكوين الشباب في تحويل التمور.",
                              fr: "Valorisation des produits du palmier et formation des jeunes à la transformation des dattes."),
            wilaya: "30", domains: ["sse.agriculture"], accreditation: ("30/2021/018", "2021-02-11"))
    }

    static var organizations: [OrganizationInput] {
        [
            organization(
                observatorySlug, .observatory, ar: "المرصد الوطني للمجتمع المدني",
                fr: "Observatoire national de la société civile", en: "National Observatory of Civil Society",
                about: Translated(
                    ar: "يدعم جمعيات المجتمع المدني ودورها في التنمية المحلية، وفق استراتيجيته 2024-2030 ومخطط عمله 2024.",
                    fr: "Soutient les associations de la société civile et leur rôle dans le développement local, "
                        + "selon sa stratégie 2024-2030 et son plan d'action 2024.",
                    en: "Supports civil-society associations and their role in local development, following its "
                        + "2024-2030 strategy and 2024 action plan."),
                wilaya: "16", domains: ["democracy.local_development", "democracy.capacity"]),
            organization(
                networkSlug, .network, ar: "شبكة الديمقراطية التشاركية والاقتصاد الاجتماعي والتضامني",
                fr: "Réseau de la démocratie participative et de l'économie sociale et solidaire",
                en: "Network of Participatory Democracy and the Social and Solidarity Economy",
                about: Translated(
                    ar: "تجمع جمعيات معتمدة وخبراء وأكاديميين لتبني آليات الديمقراطية التشاركية ونماذج الاقتصاد الاجتماعي والتضامني.",
                    fr: "Rassemble des associations agréées, des experts et des universitaires pour adopter la démocratie "
                        + "participative et les modèles de l'économie sociale et solidaire.",
                    en: "Brings together accredited associations, experts and academics to adopt participatory "
                        + "democracy and social and solidarity economy models."),
                wilaya: "16", domains: ["sse.entrepreneurship", "democracy.consultation", "democracy.participatory_budgeting"]),
            organization(
                "tadamoun-batna", .association, ar: "جمعية التضامن للاقتصاد الاجتماعي - باتنة",
                fr: "Association Tadamoun pour l'économie sociale – Batna", en: "Tadamoun Social Economy Association – Batna",
                about: Translated(ar: "ترافق التعاونيات الفلاحية الصغيرة وتسويق منتجاتها في الأسواق المحلية.",
                                  fr: "Accompagne les petites coopératives agricoles et la vente de leurs produits."),
                wilaya: "05", domains: ["sse.agriculture", "sse.entrepreneurship"], accreditation: ("05/2015/044", "2015-06-02"),
                founded: "2015-04-20"),
            organization(
                "nour-women-ghardaia", .association, ar: "جمعية النور للمرأة الحرفية - غرداية",
                fr: "Association Nour des femmes artisanes – Ghardaïa", en: "Nour Women Artisans Association – Ghardaia",
                about: Translated(ar: "تمكين النساء الحرفيات اقتصاديًا عبر ورشات النسيج التقليدي والتسويق التضامني.",
                                  fr: "Autonomisation économique des artisanes par le tissage traditionnel et la vente solidaire.",
                                  en: "Economic empowerment of women artisans through traditional weaving and fair sales."),
                wilaya: "47", domains: ["sse.crafts", "sse.women"], accreditation: ("47/2012/009", "2012-09-17")),
            organization(
                "green-oasis-biskra", .association, ar: "جمعية الواحة الخضراء لحماية البيئة - بسكرة",
                fr: "Association Oasis verte pour l'environnement – Biskra", en: "Green Oasis Environmental Association – Biskra",
                about: Translated(ar: "رسكلة نفايات النخيل وخلق مناصب شغل خضراء للشباب.",
                                  fr: "Recyclage des déchets de palmier et emplois verts pour les jeunes.",
                                  en: "Recycling palm waste and creating green jobs for young people."),
                wilaya: "07", domains: ["sse.recycling", "sse.employment"], accreditation: ("07/2018/071", "2018-01-29")),
            organization(
                "atlas-crafts-tlemcen", .association, ar: "جمعية الأطلس للحرف التقليدية - تلمسان",
                fr: "Association Atlas des métiers traditionnels – Tlemcen", en: "Atlas Traditional Crafts Association – Tlemcen",
                about: Translated(ar: "حماية الحرف التقليدية وتكوين المتربصين في النحاس والفخار.",
                                  fr: "Sauvegarde des métiers traditionnels et formation d'apprentis au cuivre et à la poterie."),
                wilaya: "13", domains: ["sse.crafts", "sse.tourism"], accreditation: ("13/2010/015", "2010-05-11")),
            organization(
                "youth-entrepreneurs-oran", .association, ar: "جمعية الشباب المقاول - وهران",
                fr: "Association des jeunes entrepreneurs – Oran", en: "Young Entrepreneurs Association – Oran",
                about: Translated(ar: "مرافقة الشباب حاملي المشاريع في الاقتصاد الاجتماعي والتضامني.",
                                  fr: "Accompagnement des jeunes porteurs de projets de l'économie sociale et solidaire.",
                                  en: "Supporting young project holders in the social and solidarity economy."),
                wilaya: "31", domains: ["sse.employment", "sse.entrepreneurship"], accreditation: ("31/2019/112", "2019-03-14")),
            organization(
                "university-setif-sse-lab", .academicInstitution, ar: "مخبر الاقتصاد التضامني - جامعة سطيف 1",
                fr: "Laboratoire d'économie solidaire – Université Sétif 1", en: "Solidarity Economy Lab – University of Setif 1",
                about: Translated(fr: "Recherche appliquée sur l'économie sociale et solidaire et l'évaluation des projets."),
                wilaya: "19", domains: ["sse.entrepreneurship", "democracy.capacity"]),
        ]
    }

    static let experts: [(name: String, kind: PersonProfileKind, sex: PersonSex, title: String, bio: String, wilaya: String,
                          languages: String, domains: [String])] = [
        ("د. سعاد بن علي", .academic, .f, "أستاذة الاقتصاد التضامني، جامعة سطيف 1",
         "تبحث في تقييم مشاريع الاقتصاد الاجتماعي والتضامني وأثرها على التشغيل المحلي.", "19", "ar,fr",
         ["sse.entrepreneurship", "sse.employment"]),
        ("Karim Haddad", .expert, .m, "Consultant en finance solidaire",
         "Quinze ans d'accompagnement de coopératives et de microcrédit en Algérie.", "16", "fr,ar,en",
         ["sse.finance", "csr.partnerships"]),
        ("أمينة زروقي", .specialist, .f, "مختصة في الميزانية التشاركية",
         "رافقت بلديات في تنظيم ميزانيات تشاركية والتشاور مع السكان.", "31", "ar,fr",
         ["democracy.participatory_budgeting", "democracy.consultation"]),
    ]
}
