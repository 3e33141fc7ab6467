import Fluent
import Platform
import SQLKit
import Vapor

extension ParticipationRoom {
    /// What a person proposed, endorsed, commented, opened and follows: in their data export. On erasure their
    /// proposals, debates and comments stay, shown as by a former member; their endorsements stay counted with the
    /// wilaya, sex and age group captured when given, but no longer point to the account; their follows end.
    static let personalData: [PersonalDataSection] = [
        PersonalDataSection(
            name: "proposals",
            export: { userID, db, _ in
                try await Proposal.query(on: db).filter(\.$authorID == userID).sort(\.$createdAt).all().map {
                    ["proposal_id": $0.id?.uuidString ?? "", "title": $0.title, "body": $0.body, "state": $0.state.rawValue,
                     "created_at": $0.createdAt.iso8601]
                }
            },
            erase: { _, _ in
                // No copy of the name is stored: the author reads as a former member from the account.
            }),
        PersonalDataSection(
            name: "endorsements",
            export: { userID, db, _ in
                try await Endorsement.query(on: db).filter(\.$userID == userID).sort(\.$createdAt).all().map {
                    ["proposal_id": $0.proposalID.uuidString, "wilaya_code": $0.wilayaCode ?? "", "sex": $0.sex ?? "",
                     "age_group": $0.ageGroup ?? "", "endorsed_at": $0.createdAt.iso8601]
                }
            },
            erase: { userID, db in
                let key = ParticipantKey.account(userID)
                for endorsement in try await Endorsement.query(on: db).filter(\.$userID == userID).all() {
                    endorsement.userID = nil
                    endorsement.participantKey = "x:" + Keyed.randomToken()
                    try await endorsement.save(on: db)
                }
                if let sql = db as? any SQLDatabase {
                    try await sql.delete(from: "participant_quotas").where("participant_key", .equal, key).run()
                }
            }),
        PersonalDataSection(
            name: "comments",
            export: { userID, db, _ in
                try await Comment.query(on: db).filter(\.$authorID == userID).sort(\.$createdAt).all().map {
                    ["subject_type": $0.subjectType.rawValue, "subject_id": $0.subjectID.uuidString, "body": $0.body,
                     "stance": $0.stance?.rawValue ?? "", "created_at": $0.createdAt.iso8601]
                }
            },
            erase: { _, _ in }),
        PersonalDataSection(
            name: "debates",
            export: { userID, db, _ in
                try await Debate.query(on: db).filter(\.$authorID == userID).sort(\.$createdAt).all().map {
                    ["debate_id": $0.id?.uuidString ?? "", "title": $0.title, "description": $0.details,
                     "created_at": $0.createdAt.iso8601]
                }
            },
            erase: { _, _ in }),
        PersonalDataSection(
            name: "follows",
            export: { userID, db, _ in
                try await Follow.query(on: db).filter(\.$userID == userID).sort(\.$createdAt).all().map {
                    ["subject_type": $0.subjectType.rawValue, "subject_id": $0.subjectID.uuidString,
                     "since": $0.createdAt.iso8601]
                }
            },
            erase: { userID, db in
                try await Follow.query(on: db).filter(\.$userID == userID).delete()
            }),
        PersonalDataSection(
            name: "reports",
            export: { userID, db, _ in
                try await ModerationReport.query(on: db).filter(\.$reporterID == userID).sort(\.$createdAt).all().map {
                    ["subject_type": $0.subjectType.rawValue, "subject_id": $0.subjectID.uuidString,
                     "reason": $0.reason.rawValue, "details": $0.details ?? "", "reported_at": $0.createdAt.iso8601]
                }
            },
            erase: { userID, db in
                try await ModerationReport.query(on: db).filter(\.$reporterID == userID).set(\.$details, to: nil).update()
            }),
    ]
}

