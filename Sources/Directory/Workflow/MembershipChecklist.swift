import Platform

/// The published checklist reviewers answer before an application may be accepted.
public enum MembershipChecklist {
    public static let items = [
        "accreditation_valid",        // the accreditation number and date match the registry
        "statutes_compatible",        // the statutes allow SSE or participatory-democracy activity
        "activity_in_domains",        // the declared domains match real activity in the last two years
        "references_checked",         // the references were contacted and confirmed
        "governance_in_order",        // the general assembly and board are up to date
    ]
}
