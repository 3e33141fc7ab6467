import Agreements
import Directory
import Fluent
import Foundation
import Platform

extension ProjectsDemo {
    /// A difficulty diagnosed, with two alternatives and a decision; another just reported.
    static func difficulties(shop: Project, weaving: Project, on tx: any Database, now: Date) async throws {
        let day: TimeInterval = 86_400
        let late = Difficulty()
        late.projectID = try shop.requireID()
        late.category = .funding
        late.severity = .high
        late.title = "تأخر صرف الشطر الثاني من التمويل"
        late.details = "لم يُصرف الشطر الثاني من إعانة الوزارة، والمتجر يحتاج إلى تجديد مخزونه قبل موسم الخريف."
        late.state = .decided
        late.reportedBy = "جمعية التضامن"
        late.reportedAt = now.addingTimeInterval(-25 * day)
        late.cause = "ملف التبرير المالي للشطر الأول ناقص (فواتير غير مؤشرة)."
        late.diagnosedBy = "Karim Haddad"
        late.diagnosedAt = now.addingTimeInterval(-20 * day)
        try await late.create(on: tx)
        let lateID = try late.requireID()
        let bridge = Solution()
        bridge.difficultyID = lateID
        bridge.details = "قرض مرحلي دون فوائد من صندوق التضامن للشبكة، يُسدَّد عند صرف الشطر الثاني."
        bridge.costMinor = 0
        bridge.durationDays = 15
        bridge.proposerName = "Karim Haddad"
        bridge.proposedAt = now.addingTimeInterval(-18 * day)
        try await bridge.create(on: tx)
        let presale = Solution()
        presale.difficultyID = lateID
        presale.details = "عقود بيع مسبق مع شركة الهضاب للصناعات الغذائية لتمويل المخزون."
        presale.costMinor = 5_000_000
        presale.durationDays = 45
        presale.proposerName = "جمعية التضامن"
        presale.proposedAt = now.addingTimeInterval(-17 * day)
        try await presale.create(on: tx)
        late.chosenSolutionID = try bridge.requireID()
        late.decisionReason = "أسرع حل ودون كلفة، مع استكمال ملف التبرير بالتوازي."
        late.decisionOwner = "أمين مال جمعية التضامن"
        late.decisionDeadline = ISODate.string(now.addingTimeInterval(30 * day))
        late.decidedBy = "منسق الشبكة"
        late.decidedAt = now.addingTimeInterval(-15 * day)
        try await late.save(on: tx)
        for (action, from, to, offset) in [("report", nil, "reported", -25.0), ("diagnose", "reported", "diagnosed", -20),
                                           ("decide", "diagnosed", "decided", -15)] as [(String, String?, String, Double)] {
            try await WorkflowStep.record(workflow: "difficulty", subjectID: lateID, action: action, from: from, to: to,
                                          actor: .system, reason: action == "decide" ? late.decisionReason : nil, on: tx,
                                          at: now.addingTimeInterval(offset * day))
        }
        let market = Difficulty()
        market.projectID = try weaving.requireID()
        market.category = .marketAccess
        market.severity = .medium
        market.title = "صعوبة الوصول إلى أسواق المدن الكبرى"
        market.details = "تكاليف النقل مرتفعة ولا توجد نقطة بيع في الجزائر العاصمة."
        market.state = .reported
        market.reportedBy = "جمعية النور"
        market.reportedAt = now.addingTimeInterval(-3 * day)
        try await market.create(on: tx)
        try await WorkflowStep.record(workflow: "difficulty", subjectID: try market.requireID(), action: "report", from: nil,
                                      to: "reported", actor: .system, reason: nil, on: tx, at: market.reportedAt)
    }

    /// A CSR pledge confirmed and half delivered, two cooperation links and an open expertise request.
    static func support(shop: Project, company companyID: UUID, partner partnerID: UUID, agreement agreementID: UUID?,
                        requester tadamoun: UUID, on tx: any Database, now: Date) async throws {
        let day: TimeInterval = 86_400
        // A CSR pledge, confirmed and half delivered.
        let pledge = CSRPledge()
        pledge.companyID = companyID
        pledge.projectID = try shop.requireID()
        pledge.kind = .money
        pledge.details = "تمويل تجهيز غرفة التبريد للمتجر التعاوني."
        pledge.valueMinor = 100_000_000
        pledge.deliveredMinor = 50_000_000
        pledge.currency = "DZD"
        pledge.state = .confirmed
        pledge.pledgedOn = ISODate.string(now.addingTimeInterval(-50 * day))
        try await pledge.create(on: tx)
        let delivery = CSRDelivery()
        delivery.pledgeID = try pledge.requireID()
        delivery.deliveredOn = ISODate.string(now.addingTimeInterval(-30 * day))
        delivery.valueMinor = 50_000_000
        delivery.note = "الدفعة الأولى بتحويل بنكي."
        delivery.recordedBy = "منسق الشبكة"
        try await delivery.create(on: tx)
        for (action, from, to) in [("pledge", nil, "pledged"), ("confirm", "pledged", "confirmed")] as [(String, String?, String)] {
            try await WorkflowStep.record(workflow: "pledge", subjectID: try pledge.requireID(), action: action, from: from,
                                          to: to, actor: .system, reason: nil, on: tx, at: now.addingTimeInterval(-50 * day))
        }

        // International cooperation.
        for (projectID, agreement, nature, summary) in [
            (try shop.requireID(), nil as UUID?, CooperationNature.funding, "تمويل جزئي لتجهيز المتجر ضمن برنامج دعم الاقتصاد التضامني."),
            (nil, agreementID, .technical, "مرافقة تقنية للمرصد والشبكة في إعداد مؤشرات المتابعة."),
        ] as [(UUID?, UUID?, CooperationNature, String)] where projectID != nil || agreement != nil {
            let link = CooperationLink()
            link.partnerID = partnerID
            link.projectID = projectID
            link.agreementID = agreement
            link.nature = nature
            link.summary = summary
            link.since = "2025-09-01"
            try await link.create(on: tx)
        }

        // An open expertise request.
        let request = ExpertiseRequest()
        request.organizationID = tadamoun
        request.projectID = try shop.requireID()
        request.domainCode = "sse.finance"
        request.wilayaCode = "05"
        request.language = "fr"
        request.subject = "إعداد ملف التبرير المالي"
        request.details = "نحتاج إلى مرافقة في إعداد ملف التبرير المالي للشطر الأول وفي تنظيم المحاسبة."
        request.state = .open
        request.requestedBy = "جمعية التضامن"
        request.requestedAt = now.addingTimeInterval(-2 * day)
        try await request.create(on: tx)
        try await WorkflowStep.record(workflow: "expertise", subjectID: try request.requireID(), action: "request", from: nil,
                                      to: "open", actor: .system, reason: nil, on: tx, at: request.requestedAt)
    }
}
