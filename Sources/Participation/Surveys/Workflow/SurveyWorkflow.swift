import Platform

/// The procedure of a survey. Both steps belong to its organiser: the representatives of the organisation that
/// runs its process, or the network's staff (``SurveyPolicy`` checks which one); the permission names the roles
/// that can be one.
public enum SurveyWorkflow {
    public static let survey = Workflow<SurveyState>(name: "survey", transitions: [
        .init("open", from: [.draft], to: .open, permission: .representOrganizations),
        // Final: no answer can come in afterwards.
        .init("close", from: [.open], to: .closed, permission: .representOrganizations, destructive: true),
    ])
}
