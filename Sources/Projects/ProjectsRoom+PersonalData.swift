import Fluent
import Platform
import Vapor

extension ProjectsRoom {
    /// What a person filed, reported, proposed, decided, evaluated, requested or recorded: in their data
    /// export; on erasure, any copy of their name goes and the entries stay, shown as by a "former member".
    static let personalData: [PersonalDataSection] = [
        PersonalDataSection(
            name: "project_reports",
            export: { userID, db, _ in
                try await ProjectReport.query(on: db).filter(\.$authorID == userID).sort(\.$periodSort).all().map {
                    ["project_id": $0.projectID.uuidString, "period": $0.period, "narrative": $0.narrative,
                     "jobs_created": "\($0.jobsCreated)", "jobs_sustained": "\($0.jobsSustained)",
                     "filed_at": $0.filedAt.iso8601]
                }
            },
            erase: { userID, db in
                try await ProjectReport.query(on: db).filter(\.$authorID == userID).set(\.$authorName, to: "").update()
            }),
        PersonalDataSection(
            name: "difficulties",
            export: { userID, db, _ in
                let reported = try await Difficulty.query(on: db).group(.or) {
                    $0.filter(\.$reportedByUserID == userID).filter(\.$diagnosedByUserID == userID)
                        .filter(\.$decidedByUserID == userID)
                }.sort(\.$reportedAt).all()
                return reported.map { difficulty in
                    var roles: [String] = []
                    if difficulty.reportedByUserID == userID { roles.append("reported") }
                    if difficulty.diagnosedByUserID == userID { roles.append("diagnosed") }
                    if difficulty.decidedByUserID == userID { roles.append("decided") }
                    return ["difficulty_id": difficulty.id?.uuidString ?? "", "title": difficulty.title,
                            "as": roles.joined(separator: ","), "cause": difficulty.cause ?? "",
                            "decision_reason": difficulty.decisionReason ?? ""]
                }
            },
            erase: { userID, db in
                try await Difficulty.query(on: db).filter(\.$reportedByUserID == userID).set(\.$reportedBy, to: "").update()
                try await Difficulty.query(on: db).filter(\.$diagnosedByUserID == userID).set(\.$diagnosedBy, to: "")
                    .update()
                try await Difficulty.query(on: db).filter(\.$decidedByUserID == userID).set(\.$decidedBy, to: "").update()
            }),
        PersonalDataSection(
            name: "solutions",
            export: { userID, db, _ in
                try await Solution.query(on: db).filter(\.$proposerID == userID).sort(\.$proposedAt).all().map {
                    ["difficulty_id": $0.difficultyID.uuidString, "description": $0.details,
                     "cost_minor": "\($0.costMinor)", "duration_days": "\($0.durationDays)",
                     "proposed_at": $0.proposedAt.iso8601]
                }
            },
            erase: { userID, db in
                try await Solution.query(on: db).filter(\.$proposerID == userID).set(\.$proposerName, to: "").update()
            }),
        PersonalDataSection(
            name: "evaluations",
            export: { userID, db, _ in
                try await Evaluation.query(on: db).filter(\.$evaluatorID == userID).all().map {
                    ["project_id": $0.projectID.uuidString, "phase": $0.phase.rawValue, "findings": $0.findings,
                     "recommendations": $0.recommendations, "evaluated_on": $0.evaluatedOn]
                }
            },
            erase: { userID, db in
                try await Evaluation.query(on: db).filter(\.$evaluatorID == userID).set(\.$evaluatorName, to: "")
                    .update()
            }),
        PersonalDataSection(
            name: "expertise_requests",
            export: { userID, db, _ in
                try await ExpertiseRequest.query(on: db).filter(\.$requestedByUserID == userID).sort(\.$requestedAt)
                    .all().map {
                        ["subject": $0.subject, "description": $0.details, "domain": $0.domainCode,
                         "state": $0.state.rawValue, "requested_at": $0.requestedAt.iso8601]
                    }
            },
            erase: { userID, db in
                try await ExpertiseRequest.query(on: db).filter(\.$requestedByUserID == userID)
                    .set(\.$requestedBy, to: "").update()
            }),
        PersonalDataSection(
            name: "csr_deliveries",
            export: { userID, db, _ in
                try await CSRDelivery.query(on: db).filter(\.$recordedByUserID == userID).sort(\.$deliveredOn).all().map {
                    ["pledge_id": $0.pledgeID.uuidString, "delivered_on": $0.deliveredOn,
                     "value_minor": "\($0.valueMinor)", "note": $0.note]
                }
            },
            erase: { userID, db in
                try await CSRDelivery.query(on: db).filter(\.$recordedByUserID == userID).set(\.$recordedBy, to: "")
                    .update()
            }),
    ]
}
