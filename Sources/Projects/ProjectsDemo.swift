import Agreements
import Directory
import Fluent
import Platform
import Vapor

/// Demo projects of the member associations at every stage (draft, submitted, under review, approved, rejected,
/// in progress, suspended, completed, evaluated), with follow-up reports feeding the strategy's
/// jobs indicator, a diagnosed difficulty with two alternatives and a decision, evaluations, a CSR pledge half
/// delivered, an expertise request and international cooperation.
public enum ProjectsDemo {
    public static let companySlug = "hauts-plateaux-agro"
    public static let partnerSlug = "undp-algeria"
    public static let flagshipSlug = "batna-smallholders-cooperative-shop"

    static func text(_ ar: String, _ fr: String, _ en: String) -> Translated { Translated(ar: ar, fr: fr, en: en) }

    public static func load(on db: any Database, now: Date) async throws {
        let organizations = try await Organization.query(on: db).all()
        let bySlug = Dictionary(uniqueKeysWithValues: organizations.compactMap { org in org.id.map { (org.slug, $0) } })
        guard let tadamoun = bySlug["tadamoun-batna"], let nour = bySlug["nour-women-ghardaia"],
              let oasis = bySlug["green-oasis-biskra"], let atlas = bySlug["atlas-crafts-tlemcen"] else { return }
        var company = OrganizationInput()
        company.slug = companySlug
        company.kind = OrganizationKind.company.rawValue
        company.name = text("شركة الهضاب للصناعات الغذائية", "Hauts-Plateaux Agroalimentaire SPA", "High Plateaus Agrifood")
        company.description = text("مؤسسة غذائية تلتزم بمسؤوليتها الاجتماعية تجاه المنتجين المحليين.",
                                   "Entreprise agroalimentaire engagée auprès des producteurs locaux.",
                                   "An agrifood company committed to local producers.")
        company.wilayaCode = "19"
        company.domains = ["csr.partnerships"]
        var partner = OrganizationInput()
        partner.slug = partnerSlug
        partner.kind = OrganizationKind.internationalOrganization.rawValue
        partner.name = text("برنامج الأمم المتحدة الإنمائي - الجزائر", "PNUD Algérie", "UNDP Algeria")
        partner.description = text("وكالة أممية تدعم التنمية المحلية والاقتصاد التضامني.",
                                   "Agence onusienne d'appui au développement local et à l'économie solidaire.",
                                   "UN agency supporting local development and the solidarity economy.")
        partner.wilayaCode = "16"
        let companyID = try await OrganizationService.create(company, actor: .system, on: db, now: now).requireID()
        let partnerID = try await OrganizationService.create(partner, actor: .system, on: db, now: now).requireID()
        let agreementID = try await Agreement.query(on: db).filter(\.$slug == AgreementsDemo.agreementSlug).first()?.id
        let indicator = try await Indicator.query(on: db).filter(\.$code == "IND-03").first()
        let day: TimeInterval = 86_400

        try await db.transaction { tx in
            if let indicatorID = indicator?.id {
                try await IndicatorFeed(indicatorID: indicatorID, metric: .jobsCreated).create(on: tx)
            }
            let shop = try await project(
                flagshipSlug, tadamoun, text("متجر تعاوني لتسويق منتجات الفلاحين الصغار", "Boutique coopérative des petits producteurs",
                                             "Smallholders' cooperative shop"),
                need: text("يبيع الفلاحون الصغار منتجاتهم بأسعار زهيدة للوسطاء.", "Les petits producteurs vendent à bas prix aux intermédiaires.",
                           "Smallholders sell at low prices to middlemen."),
                domain: "sse.agriculture", wilaya: "05", budget: 4_500_000, jobs: 12,
                funding: [("وزارة التضامن الوطني", 2_000_000), ("PNUD", 1_500_000), ("موارد ذاتية", 1_000_000)],
                steps: ["submit", "start_review", "approve", "start"], on: tx, now: now.addingTimeInterval(-200 * day))
            let weaving = try await project(
                "ghardaia-women-weaving-workshop", nour, text("ورشة النسيج التقليدي التضامنية", "Atelier solidaire de tissage",
                                                              "Solidarity weaving workshop"),
                need: text("نساء حرفيات دون دخل منتظم.", "Des artisanes sans revenu régulier.", "Women artisans without a regular income."),
                domain: "sse.crafts", wilaya: "47", budget: 2_800_000, jobs: 8,
                funding: [("الوكالة الوطنية لتسيير القرض المصغر", 1_800_000)],
                steps: ["submit", "start_review", "approve", "start"], on: tx, now: now.addingTimeInterval(-400 * day))
            _ = try await project(
                "biskra-plastic-recycling", oasis, text("إعادة تدوير النفايات البلاستيكية", "Recyclage des déchets plastiques",
                                                       "Plastic waste recycling"),
                need: text("تراكم النفايات البلاستيكية في الواحات.", "Les déchets plastiques s'accumulent dans les oasis.",
                           "Plastic waste piles up in the oases."),
                domain: "sse.recycling", wilaya: "07", budget: 3_200_000, jobs: 10, funding: [],
                steps: ["submit", "start_review"], on: tx, now: now.addingTimeInterval(-20 * day))
            _ = try await project(
                "tlemcen-craftsmen-house", atlas, text("دار الحرفيين", "Maison des artisans", "Craftsmen's house"),
                need: text("غياب فضاء مشترك لعرض المنتجات الحرفية.", "Pas d'espace commun pour exposer l'artisanat.",
                           "No shared space to show crafts."),
                domain: "sse.crafts", wilaya: "13", budget: 5_000_000, jobs: 6, funding: [("ولاية تلمسان", 2_500_000)],
                steps: ["submit", "start_review", "approve"], on: tx, now: now.addingTimeInterval(-60 * day))
            _ = try await project(
                "tlemcen-crafts-fair", atlas, text("معرض متنقل للحرف", "Foire itinérante de l'artisanat", "Travelling crafts fair"),
                need: text("ضعف تسويق الحرف خارج الولاية.", "L'artisanat se vend peu hors de la wilaya.", "Crafts sell little outside the wilaya."),
                domain: "sse.crafts", wilaya: "13", budget: 900_000, jobs: 2, funding: [],
                steps: ["submit", "start_review", "reject"], on: tx, now: now.addingTimeInterval(-90 * day),
                reason: "الميزانية لا تغطي تكاليف التنقل؛ يرجى مراجعتها وإرفاق عروض الأسعار.")
            _ = try await project(
                "biskra-green-youth-incubator", oasis, text("حاضنة الشباب الخضراء", "Incubateur vert pour les jeunes", "Green youth incubator"),
                need: text("بطالة الشباب في المناطق الصحراوية.", "Le chômage des jeunes au Sahara.", "Youth unemployment in the Sahara."),
                domain: "sse.employment", wilaya: "07", budget: 6_000_000, jobs: 15, funding: [("PNUD", 3_000_000)],
                steps: ["submit", "start_review", "approve", "start", "suspend"], on: tx, now: now.addingTimeInterval(-300 * day),
                reason: "توقف مؤقت في انتظار تجديد اتفاقية الاستغلال مع البلدية.")
            _ = try await project(
                "batna-local-products-webshop", tadamoun, text("متجر إلكتروني للمنتجات المحلية", "Boutique en ligne des produits locaux",
                                                               "Local products web shop"),
                need: text("صعوبة وصول المنتجات الريفية إلى المدن.", "Les produits ruraux atteignent mal les villes.",
                           "Rural products hardly reach the cities."),
                domain: "sse.digital", wilaya: "05", budget: 1_200_000, jobs: 3, funding: [], steps: [], on: tx, now: now)

            _ = try await project(
                "biskra-date-palm-compost", oasis, text("سماد عضوي من مخلفات النخيل", "Compost de déchets de palmiers",
                                                        "Date-palm waste compost"),
                need: text("حرق مخلفات النخيل يلوث الواحات.", "Les déchets de palmiers sont brûlés dans les oasis.",
                           "Palm waste is burnt in the oases."),
                domain: "sse.agriculture", wilaya: "07", budget: 1_500_000, jobs: 4, funding: [],
                steps: ["submit"], on: tx, now: now.addingTimeInterval(-2 * day))
            _ = try await project(
                "ghardaia-carpet-fair-stand", nour, text("جناح الزرابي في معرض الصناعة التقليدية", "Stand de tapis à la foire de l'artisanat",
                                                         "Carpet stand at the crafts fair"),
                need: text("قلة فرص عرض الزرابي خارج غرداية.", "Peu d'occasions de montrer les tapis hors de Ghardaïa.",
                           "Few chances to show carpets outside Ghardaia."),
                domain: "sse.crafts", wilaya: "47", budget: 400_000, jobs: 0, funding: [("موارد ذاتية", 400_000)],
                steps: ["submit", "start_review", "approve", "start", "complete"], on: tx, now: now.addingTimeInterval(-150 * day))

            // Follow-up reports of the running projects; they feed IND-03.
            try await report(shop, period: "2026-Q3", narrative: "افتتاح نقطة البيع الأولى في باتنة وانضمام 40 فلاحاً.",
                             jobs: ["f": 3, "m": 2], ages: ["18_24": 2, "25_34": 2, "35_plus": 1], sustained: 4, beneficiaries: 40,
                             revenue: 650_000, volunteers: 9, on: tx, now: now)
            try await report(weaving, period: "2026-Q3", narrative: "تكوين 25 حرفية وبيع أول دفعة من الزرابي.",
                             jobs: ["f": 6], ages: ["18_24": 2, "25_34": 3, "35_plus": 1], sustained: 2, beneficiaries: 25,
                             revenue: 420_000, volunteers: 5, on: tx, now: now)
            try await ReportService.feedIndicators(year: 2026, on: tx, now: now)

            // The weaving workshop is completed and evaluated (mid-term and final).
            try await advance(weaving, ["complete"], on: tx, now: now.addingTimeInterval(-10 * day))
            try await evaluation(weaving, .midTerm, [3, 3, 3, 2, 3, 3], on: tx, now: now.addingTimeInterval(-120 * day),
                                 findings: "الورشة تلبي حاجة حقيقية لكن التسويق ما زال ضعيفاً.",
                                 recommendations: "إبرام اتفاقيات بيع مع محلات الصناعة التقليدية.")
            try await evaluation(weaving, .final, [4, 3, 4, 3, 3, 3], on: tx, now: now.addingTimeInterval(-5 * day),
                                 findings: "تم إحداث 6 مناصب شغل للنساء واستقرار دخل 25 حرفية.",
                                 recommendations: "توسيع التجربة إلى بلديات أخرى بالولاية.")
            try await advance(weaving, ["evaluate"], on: tx, now: now.addingTimeInterval(-5 * day))

            try await difficulties(shop: shop, weaving: weaving, on: tx, now: now)
            try await support(shop: shop, company: companyID, partner: partnerID, agreement: agreementID,
                              requester: tadamoun, on: tx, now: now)
        }
    }

    static func project(
        _ slug: String, _ organization: UUID, _ title: Translated, need: Translated, domain: String, wilaya: String,
        budget: Int64, jobs: Int, funding: [(String, Int64)], steps: [String], on db: any Database, now: Date,
        reason: String? = nil
    ) async throws -> Project {
        let project = Project()
        project.slug = slug
        project.organizationID = organization
        project.title = title
        project.summary = need
        project.socialNeed = need
        project.beneficiaries = "الشباب والنساء في الوسط الريفي"
        project.domainCode = domain
        project.wilayaCode = wilaya
        project.budgetMinor = budget * 100
        project.currency = "DZD"
        project.funding = funding.map { FundingSource(source: $0.0, amountMinor: $0.1 * 100) }
        project.partners = ""
        project.startsOn = ISODate.string(now)
        project.endsOn = ISODate.string(now.addingTimeInterval(730 * 86_400))
        project.expectedJobs = jobs
        project.state = .draft
        try await project.create(on: db)
        try await WorkflowStep.record(workflow: "project", subjectID: try project.requireID(), action: "create", from: nil,
                                      to: "draft", actor: .system, reason: nil, on: db, at: now)
        try await advance(project, steps, on: db, now: now, reason: reason)
        return project
    }

    static func advance(_ project: Project, _ steps: [String], on db: any Database, now: Date, reason: String? = nil) async throws {
        for action in steps {
            guard let step = ProjectWorkflows.project.actions(from: project.state).first(where: { $0.action == action }) else { continue }
            let from = project.state
            project.state = step.to
            try await project.save(on: db)
            try await WorkflowStep.record(workflow: "project", subjectID: try project.requireID(), action: action,
                                          from: from.rawValue, to: step.to.rawValue, actor: .system,
                                          reason: step.requiresReason ? reason : nil, on: db, at: now)
        }
    }

    static func report(
        _ project: Project, period: String, narrative: String, jobs: [String: Double], ages: [String: Double], sustained: Int,
        beneficiaries: Int, revenue: Int64, volunteers: Int, on db: any Database, now: Date
    ) async throws {
        let report = ProjectReport()
        report.projectID = try project.requireID()
        report.setPeriod(ReportingPeriod(period)!)
        report.narrative = narrative
        report.milestones = ""
        report.jobsCreated = Int(jobs.values.reduce(0, +))
        report.jobsCreatedBreakdown = ["sex": jobs, "age_group": ages]
        report.jobsSustained = sustained
        report.jobsSustainedBreakdown = [:]
        report.beneficiaries = beneficiaries
        report.revenueMinor = revenue * 100
        report.volunteers = volunteers
        report.authorName = "منسق المشروع"
        report.filedAt = now
        try await report.create(on: db)
    }

    static func evaluation(
        _ project: Project, _ phase: EvaluationPhase, _ scores: [Int], on db: any Database, now: Date, findings: String,
        recommendations: String
    ) async throws {
        let evaluation = Evaluation()
        evaluation.projectID = try project.requireID()
        evaluation.phase = phase
        evaluation.score(Dictionary(uniqueKeysWithValues: zip(DACCriterion.allCases.map(\.rawValue), scores)))
        evaluation.findings = findings
        evaluation.recommendations = recommendations
        evaluation.evaluatorName = "د. سعاد بن علي"
        evaluation.evaluatedOn = ISODate.string(now)
        try await evaluation.create(on: db)
    }
}
