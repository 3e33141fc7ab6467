import Fluent
import Platform
import Vapor

extension AgreementsRoom {
    /// The follow-up entries and measurements a person recorded: in their data export; on erasure, any copy
    /// of their name goes (the entries stay, shown as by a "former member").
    static let personalData: [PersonalDataSection] = [
        PersonalDataSection(
            name: "agreement_follow_ups",
            export: { userID, db, _ in
                try await FollowUp.query(on: db).filter(\.$authorID == userID).sort(\.$occurredOn).all().map {
                    ["agreement_id": $0.agreementID.uuidString, "commitment_id": $0.commitmentID?.uuidString ?? "",
                     "occurred_on": $0.occurredOn, "text": $0.text, "evidence_url": $0.evidenceURL ?? "",
                     "progress": $0.progress.map { "\($0)" } ?? ""]
                }
            },
            erase: { userID, db in
                try await FollowUp.query(on: db).filter(\.$authorID == userID).set(\.$authorName, to: "").update()
            }),
        PersonalDataSection(
            name: "indicator_measurements",
            export: { userID, db, _ in
                try await Measurement.query(on: db).filter(\.$recordedByUserID == userID).sort(\.$periodSort).all().map {
                    ["indicator_id": $0.indicatorID.uuidString, "period": $0.period,
                     "value": SafeNumber.plainText($0.value), "source": $0.source]
                }
            },
            erase: { userID, db in
                try await Measurement.query(on: db).filter(\.$recordedByUserID == userID).set(\.$recordedBy, to: "")
                    .update()
            }),
    ]
}
