import Fluent
import Platform
import Vapor

extension AgreementsDemo {
    /// Creates the strategy 2024-2030 and the action plan 2024; returns objective ids by code.
    static func loadStrategy(owner: UUID, network: UUID, on db: any Database) async throws -> [String: UUID] {
        let strategy = Strategy()
        strategy.slug = strategySlug
        strategy.title = text("استراتيجية المرصد الوطني للمجتمع المدني 2024-2030",
                              "Stratégie de l'Observatoire national de la société civile 2024-2030",
                              "Strategy of the National Observatory of Civil Society 2024-2030")
        strategy.ownerID = owner
        strategy.startYear = 2024
        strategy.endYear = 2030
        try await strategy.create(on: db)
        let strategyID = try strategy.requireID()
        var objectiveIDs: [String: UUID] = [:]
        var indicatorIDs: [String: UUID] = [:]
        for (position, axisDefinition) in axes.enumerated() {
            let axis = StrategyAxis()
            axis.strategyID = strategyID
            axis.code = axisDefinition.code
            axis.title = axisDefinition.title
            axis.position = position
            try await axis.create(on: db)
            for (objectivePosition, objectiveDefinition) in axisDefinition.objectives.enumerated() {
                let objective = StrategyObjective()
                objective.axisID = try axis.requireID()
                objective.code = objectiveDefinition.code
                objective.title = objectiveDefinition.title
                objective.position = objectivePosition
                try await objective.create(on: db)
                objectiveIDs[objective.code] = try objective.requireID()
                for definition in objectiveDefinition.indicators {
                    let indicator = Indicator()
                    indicator.objectiveID = try objective.requireID()
                    indicator.code = definition.code
                    indicator.name = definition.name
                    indicator.unit = definition.unit
                    indicator.baseline = definition.baseline
                    indicator.baselineYear = 2023
                    indicator.direction = definition.direction
                    indicator.aggregation = definition.aggregation
                    indicator.disaggregations = definition.disaggregations
                    indicator.targets = definition.targets
                    indicator.method = methods[definition.code]
                    try await indicator.create(on: db)
                    indicatorIDs[indicator.code] = try indicator.requireID()
                }
            }
        }
        for (code, period, value, breakdown) in measurements {
            guard let indicatorID = indicatorIDs[code], let period = ReportingPeriod(period) else { continue }
            let measurement = Measurement()
            measurement.indicatorID = indicatorID
            measurement.setPeriod(period)
            measurement.value = value
            measurement.breakdown = breakdown
            measurement.source = "تقارير الشبكة"
            measurement.recordedBy = "system"
            try await measurement.create(on: db)
        }
        let plan = ActionPlan()
        plan.strategyID = strategyID
        plan.year = 2024
        plan.title = text("مخطط عمل المرصد 2024", "Plan d'action 2024 de l'Observatoire", "Observatory action plan 2024")
        try await plan.create(on: db)
        let activities: [(Translated, String, UUID, ActivityState, Int64, String?, String?)] = [
            (text("دورات تكوينية في الاقتصاد الاجتماعي والتضامني لفائدة الجمعيات", "Formations à l'ESS pour les associations",
                  "SSE training courses for associations"), "O1.1", owner, .done, 250_000_000, "2024-03-01", "2024-12-15"),
            (text("مرافقة إطلاق شبكة الديمقراطية التشاركية والاقتصاد الاجتماعي والتضامني",
                  "Accompagnement du lancement du Réseau", "Support to the launch of the Network"),
             "O1.2", network, .done, 80_000_000, "2024-01-15", "2024-06-30"),
            (text("تجربة نموذجية للميزانية التشاركية في ثلاث بلديات", "Budget participatif pilote dans trois communes",
                  "Participatory budgeting pilot in three municipalities"),
             "O3.1", network, .inProgress, 120_000_000, "2024-09-01", nil),
        ]
        for (title, objective, responsible, state, budget, starts, ends) in activities {
            let activity = Activity()
            activity.actionPlanID = try plan.requireID()
            activity.objectiveID = objectiveIDs[objective]
            activity.title = title
            activity.responsibleID = responsible
            activity.state = state
            activity.budgetMinor = budget
            activity.currency = "DZD"
            activity.startsOn = starts
            activity.endsOn = ends
            try await activity.create(on: db)
        }
        return objectiveIDs
    }

    typealias IndicatorDefinition = (code: String, name: Translated, unit: Translated, baseline: Double,
                                     direction: IndicatorDirection, aggregation: IndicatorAggregation,
                                     disaggregations: String, targets: [String: Double])
    typealias ObjectiveDefinition = (code: String, title: Translated, indicators: [IndicatorDefinition])

    /// How each indicator is measured.
    static let methods: [String: Translated] = [
        "IND-01": text("أوراق حضور الدورات التكوينية، تُجمع كل ثلاثة أشهر", "Feuilles de présence des formations, chaque trimestre",
                       "Training attendance sheets, every quarter"),
        "IND-02": text("سجل الشبكات لدى المرصد، في 31 ديسمبر", "Registre des réseaux de l'observatoire, au 31 décembre",
                       "The observatory's register of networks, at 31 December"),
        "IND-03": text("تقارير تقدم المشاريع (مناصب الشغل المنشأة)", "Rapports d'avancement des projets (emplois créés)",
                       "Project progress reports (jobs created)"),
        "IND-04": text("الحسابات السنوية للجمعيات الأعضاء", "Comptes annuels des associations membres",
                       "Annual accounts of member associations"),
        "IND-05": text("محاضر المسارات التشاركية الموقعة مع البلديات", "Procès-verbaux des processus signés avec les communes",
                       "Minutes of processes signed with municipalities"),
        "IND-06": text("تواريخ الإيداع والقرار في المنصة", "Dates de dépôt et de décision sur la plateforme",
                       "Filing and decision dates on the platform"),
    ]

    static func yearly(_ values: [Double]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: values.enumerated().map { ("\(2024 + $0.offset)", $0.element) })
    }

    static let axes: [(code: String, title: Translated, objectives: [ObjectiveDefinition])] = [
        ("A1", text("دعم جمعيات المجتمع المدني وتقوية قدراتها", "Soutenir les associations et renforcer leurs capacités",
                    "Support associations and strengthen their capacities"), [
            ("O1.1", text("تقوية قدرات الجمعيات في الاقتصاد الاجتماعي والتضامني", "Renforcer les capacités des associations en ESS",
                          "Strengthen associations' capacities in the SSE"), [
                ("IND-01", text("عدد الجمعيات المستفيدة من التكوين", "Associations formées", "Associations trained"),
                 text("جمعية", "associations", "associations"), 0, .increase, .sum, "wilaya",
                 yearly([40, 80, 120, 160, 200, 240, 280])),
            ]),
            ("O1.2", text("تشجيع إنشاء شبكات جمعوية متخصصة", "Encourager la création de réseaux associatifs spécialisés",
                          "Encourage specialised association networks"), [
                ("IND-02", text("عدد الشبكات الجمعوية المتخصصة النشطة", "Réseaux associatifs spécialisés actifs",
                                "Active specialised association networks"),
                 text("شبكة", "réseaux", "networks"), 2, .increase, .latest, "", yearly([3, 5, 7, 9, 11, 13, 15])),
            ]),
        ]),
        ("A2", text("الاقتصاد الاجتماعي والتضامني وخلق مناصب الشغل", "Économie sociale et solidaire et emploi",
                    "Social and solidarity economy and jobs"), [
            ("O2.1", text("خلق فرص عمل مستدامة عبر مشاريع الجمعيات", "Créer des emplois durables par les projets associatifs",
                          "Create sustainable jobs through association projects"), [
                ("IND-03", text("مناصب الشغل المستدامة التي أنشأتها مشاريع الشبكة",
                                "Emplois durables créés par les projets du réseau", "Sustainable jobs created by network projects"),
                 text("منصب شغل", "emplois", "jobs"), 0, .increase, .sum, "sex,age_group,wilaya",
                 yearly([150, 300, 450, 600, 750, 900, 1050])),
                ("IND-04", text("نسبة الجمعيات ذات الموارد الذاتية", "Part des associations ayant des ressources propres",
                                "Share of associations with their own revenue"),
                 text("٪", "%", "%"), 12, .increase, .latest, "", yearly([15, 18, 22, 26, 30, 35, 40])),
            ]),
        ]),
        ("A3", text("الديمقراطية التشاركية والتنمية المحلية", "Démocratie participative et développement local",
                    "Participatory democracy and local development"), [
            ("O3.1", text("إشراك المواطنين في القرار المحلي", "Associer les citoyens à la décision locale",
                          "Involve citizens in local decisions"), [
                ("IND-05", text("عدد المسارات التشاركية مع البلديات", "Processus participatifs avec les communes",
                                "Participatory processes with municipalities"),
                 text("مسار", "processus", "processes"), 0, .increase, .sum, "wilaya", yearly([3, 6, 10, 14, 18, 22, 26])),
                ("IND-06", text("متوسط مدة معالجة طلبات الانضمام", "Délai moyen de traitement des demandes d'adhésion",
                                "Average time to process membership applications"),
                 text("يوم", "jours", "days"), 60, .decrease, .latest, "", yearly([45, 40, 35, 30, 25, 20, 15])),
            ]),
        ]),
    ]

    static let measurements: [(String, String, Double, [String: [String: Double]])] = [
        ("IND-01", "2024", 40, [:]), ("IND-01", "2025", 70, [:]), ("IND-01", "2026-Q1", 35, [:]),
        ("IND-01", "2026-Q2", 30, [:]),
        ("IND-02", "2024", 3, [:]), ("IND-02", "2025", 4, [:]),
        ("IND-03", "2024", 130, ["sex": ["f": 58, "m": 72]]), ("IND-03", "2025", 260, [:]),
        ("IND-03", "2026-Q1", 120, ["sex": ["f": 55, "m": 65]]), ("IND-03", "2026-Q2", 140, [:]),
        ("IND-04", "2024", 14, [:]),
        ("IND-06", "2024", 50, [:]), ("IND-06", "2025", 38, [:]), ("IND-06", "2026-Q2", 33, [:]),
    ]
}
