import Fluent
import Platform
import Vapor

extension DirectoryRoom {
    /// The requests to represent an organisation a person made or accepted: in their data export; on erasure the
    /// notes they wrote go (the requests stay, shown as by a "former member"), and so does their address on the
    /// invitations sent to it.
    static let personalData: [PersonalDataSection] = [
        PersonalDataSection(
            name: "representation_requests",
            export: { userID, db, _ in
                try await RepresentationRequest.query(on: db).filter(\.$userID == userID).sort(\.$createdAt).all().map {
                    ["organization_id": $0.organizationID.uuidString, "role": $0.role.rawValue, "message": $0.message,
                     "state": $0.state.rawValue, "created_at": $0.createdAt?.iso8601 ?? ""]
                }
            },
            erase: { userID, db in
                try await RepresentationRequest.query(on: db).filter(\.$userID == userID).set(\.$message, to: "")
                    .set(\.$invitedEmail, to: nil).update()
            }),
    ]
}
