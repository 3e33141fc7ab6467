import Directory
import Fluent
import Platform
import Vapor

/// The framework agreement of the founding document, the observatory's strategy 2024-2030 with axes and
/// indicators, and its action plan 2024. Dates the document does not give are left empty.
public enum AgreementsDemo {
    public static let agreementSlug = "framework-agreement-observatory-network"
    public static let strategySlug = "observatory-strategy-2024-2030"

    static func text(_ ar: String, _ fr: String, _ en: String) -> Translated { Translated(ar: ar, fr: fr, en: en) }

    /// Every objective the founding document lists.
    static let objectives: [Translated] = [
        text("تقوية قدرات الجمعيات المنخرطة في الشبكة في مجال الاقتصاد الاجتماعي والتضامني",
             "Renforcer les capacités des associations membres du réseau en économie sociale et solidaire",
             "Strengthen the capacities of the network's member associations in the social and solidarity economy"),
        text("تقوية قدرات الجمعيات في مجال المسؤولية الاجتماعية للمؤسسات الاقتصادية",
             "Renforcer leurs capacités en matière de responsabilité sociale des entreprises économiques",
             "Strengthen their capacities in the social responsibility of economic enterprises"),
        text("دعم الديناميكية التشاركية بين المؤسسات العمومية والجمعيات من خلال تبادل الخبرات والمتابعة وتجسيد المشاريع",
             "Soutenir la dynamique participative entre institutions publiques et associations par l'échange d'expertise, le suivi et la réalisation des projets",
             "Support the participatory dynamic between public institutions and associations through exchange of expertise, follow-up and realisation of projects"),
        text("تقييم المشاريع وتشخيص الصعوبات المعترضة واقتراح الحلول والبدائل وفق إجراءات واضحة",
             "Évaluer les projets, diagnostiquer les difficultés rencontrées et proposer des solutions et alternatives selon des procédures claires",
             "Evaluate projects, diagnose the difficulties met and propose solutions and alternatives under clear procedures"),
        text("تقوية دور الشبكة في المجالات الحيوية التي تدخل ضمن اختصاصات المرصد الوطني للمجتمع المدني وأهدافه",
             "Renforcer le rôle du réseau dans les domaines vitaux relevant des compétences et objectifs de l'Observatoire national de la société civile",
             "Strengthen the network's role in the vital fields within the remit and objectives of the National Observatory of Civil Society"),
        text("ترسيخ ثقافة التعاون والمواطنة والديمقراطية التشاركية في مجال الاقتصاد التضامني والمسؤولية الاجتماعية للمؤسسات الاقتصادية",
             "Ancrer une culture de coopération, de citoyenneté et de démocratie participative dans l'économie solidaire et la responsabilité sociale des entreprises",
             "Anchor a culture of cooperation, citizenship and participatory democracy in the solidarity economy and corporate social responsibility"),
        text("الاستثمار الجيد للكفاءات والنخبة من المجتمع المدني وللإمكانيات والموارد الموجودة للرفع من المردودية ومستوى الوعي",
             "Mettre à profit les compétences et l'élite de la société civile ainsi que les moyens et ressources existants pour améliorer l'efficacité et la sensibilisation",
             "Make good use of civil society's skills and elites and of existing means and resources to raise effectiveness and awareness"),
        text("التعاون على المستوى الإقليمي والدولي مع المنظمات الأممية والجمعيات غير الحكومية والشبكات المتخصصة في قضايا التنمية الشاملة",
             "Coopérer aux niveaux régional et international avec les organisations onusiennes, les ONG et les réseaux spécialisés dans le développement inclusif",
             "Cooperate regionally and internationally with UN organisations, NGOs and networks specialised in inclusive development"),
    ]

    public static func load(on db: any Database, now: Date) async throws {
        guard let observatory = try await Organization.query(on: db).filter(\.$slug == DirectoryDemo.observatorySlug).first()?.id,
              let network = try await Organization.query(on: db).filter(\.$slug == DirectoryDemo.networkSlug).first()?.id
        else { return }
        try await db.transaction { tx in
            let objectiveIDs = try await loadStrategy(owner: observatory, network: network, on: tx)
            try await loadAgreement(observatory: observatory, network: network, strategyObjectives: objectiveIDs, on: tx,
                                    now: now)
        }
    }

    static func loadAgreement(
        observatory: UUID, network: UUID, strategyObjectives: [String: UUID], on db: any Database, now: Date
    ) async throws {
        let agreement = Agreement()
        agreement.slug = agreementSlug
        agreement.kind = .frameworkAgreement
        agreement.title = text("اتفاقية إطار للشراكة والتعاون", "Accord-cadre de partenariat et de coopération",
                               "Framework agreement for partnership and cooperation")
        agreement.summary = text(
            "وُقّعت على هامش إطلاق شبكة الديمقراطية التشاركية والاقتصاد الاجتماعي والتضامني، في إطار استراتيجية المرصد 2024-2030 ومخطط عمله 2024.",
            "Signé en marge du lancement du Réseau de la démocratie participative et de l'ESS, dans le cadre de la stratégie 2024-2030 de l'Observatoire et de son plan d'action 2024.",
            "Signed on the sidelines of the launch of the Network of Participatory Democracy and the SSE, under the Observatory's 2024-2030 strategy and 2024 action plan.")
        agreement.state = .active
        try await agreement.create(on: db)
        let id = try agreement.requireID()
        try await AgreementParty(agreementID: id, organizationID: observatory, position: 1).create(on: db)
        try await AgreementParty(agreementID: id, organizationID: network, position: 2).create(on: db)
        try await Signatory(agreementID: id, organizationID: observatory, roleTitle: text(
            "رئيس المرصد الوطني للمجتمع المدني", "Président de l'Observatoire national de la société civile",
            "President of the National Observatory of Civil Society")).create(on: db)
        try await Signatory(agreementID: id, organizationID: network, roleTitle: text(
            "رئيسة شبكة الديمقراطية التشاركية والاقتصاد الاجتماعي والتضامني", "Présidente du Réseau",
            "President of the Network")).create(on: db)
        for (index, objective) in objectives.enumerated() {
            try await AgreementObjective(agreementID: id, position: index + 1, text: objective).create(on: db)
        }
        for (step, to) in [("sign", AgreementState.signed), ("activate", .active)] {
            try await WorkflowStep.record(workflow: "agreement", subjectID: id, action: step,
                                          from: step == "sign" ? AgreementState.draft.rawValue : AgreementState.signed.rawValue,
                                          to: to.rawValue, actor: .system, reason: nil, on: db, at: now)
        }
        let commitments: [(UUID, Translated, String, CommitmentState, Int, String?)] = [
            (observatory, text("مرافقة الشبكة في تنظيم دورات تكوينية لفائدة الجمعيات المنخرطة",
                               "Accompagner le réseau dans l'organisation de formations pour les associations membres",
                               "Help the network run training courses for member associations"),
             "2024-12-31", .done, 100, "O1.1"),
            (observatory, text("إدماج مؤشرات الشبكة في لوحة متابعة استراتيجية المرصد",
                               "Intégrer les indicateurs du réseau au tableau de bord de la stratégie de l'Observatoire",
                               "Include the network's indicators in the Observatory's strategy dashboard"),
             "2027-06-30", .inProgress, 60, "O2.1"),
            (network, text("تقديم تقرير سنوي عن مشاريع الاقتصاد التضامني للجمعيات المنخرطة",
                           "Remettre un rapport annuel sur les projets d'économie solidaire des associations membres",
                           "Deliver a yearly report on the member associations' solidarity-economy projects"),
             "2025-03-31", .inProgress, 40, "O2.1"),
            (network, text("تنظيم لقاءات جهوية لتبادل الخبرات بين الجمعيات والمؤسسات العمومية",
                           "Organiser des rencontres régionales d'échange d'expertise entre associations et institutions publiques",
                           "Hold regional meetings to exchange expertise between associations and public institutions"),
             "2027-12-31", .planned, 0, "O3.1"),
        ]
        for (owner, description, due, state, progress, objective) in commitments {
            let commitment = Commitment()
            commitment.agreementID = id
            commitment.ownerID = owner
            commitment.summary = description
            commitment.dueOn = due
            commitment.state = state
            commitment.progress = progress
            commitment.strategyObjectiveID = objective.flatMap { strategyObjectives[$0] }
            try await commitment.create(on: db)
            try await WorkflowStep.record(workflow: "commitment", subjectID: try commitment.requireID(), action: "plan",
                                          from: nil, to: CommitmentState.planned.rawValue, actor: .system, reason: nil,
                                          on: db, at: now)
            if state != .planned {
                try await WorkflowStep.record(workflow: "commitment", subjectID: try commitment.requireID(), action: "start",
                                              from: CommitmentState.planned.rawValue, to: CommitmentState.inProgress.rawValue,
                                              actor: .system, reason: nil, on: db, at: now)
            }
            if state == .done {
                try await WorkflowStep.record(workflow: "commitment", subjectID: try commitment.requireID(), action: "complete",
                                              from: CommitmentState.inProgress.rawValue, to: CommitmentState.done.rawValue,
                                              actor: .system, reason: nil, on: db, at: now)
            }
        }
        let followUp = FollowUp()
        followUp.agreementID = id
        followUp.occurredOn = "2024-12-15"
        followUp.authorName = "المرصد الوطني للمجتمع المدني"
        followUp.text = "اختتام الدورة التكوينية الأولى حول الاقتصاد الاجتماعي والتضامني لفائدة 40 جمعية من 12 ولاية."
        followUp.progress = 100
        try await followUp.create(on: db)
    }
}
