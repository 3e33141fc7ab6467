import Agreements
import Directory
import Foundation
import Participation
import Platform
import Projects
import ShabakaTestSupport
import Testing

/// Every procedure's table checked step by step: each action from each state by each role, with and without a
/// reason. The expected tables are written here by hand from DESIGN.md ("clear procedures") and the roles of
/// each permission, so a change to a workflow or to who may act shows up as a failure naming the step.
@Suite("Workflow tables: every allowed and refused step, and who may take it")
struct WorkflowTableTests {
    /// `action: from from -> to; roles`, `!` after the action when a written reason is required.
    static let expected: [String: String] = [
        "project": """
            submit: draft -> submitted; admin organization_representative member
            start_review: submitted -> under_review; admin coordinator reviewer
            approve: under_review -> approved; admin coordinator reviewer
            reject!: under_review -> rejected; admin coordinator reviewer
            revise: rejected -> draft; admin organization_representative member
            start: approved -> in_progress; admin organization_representative member
            suspend!: in_progress -> suspended; admin coordinator reviewer
            resume!: suspended -> in_progress; admin coordinator reviewer
            complete: in_progress -> completed; admin organization_representative member
            evaluate: completed -> evaluated; admin evaluator
            """,
        "difficulty": """
            diagnose: reported -> diagnosed; admin coordinator reviewer expert
            decide: diagnosed escalated -> decided; admin coordinator
            resolve!: decided escalated -> resolved; admin coordinator organization_representative
            escalate!: decided -> escalated; admin coordinator
            """,
        "expertise": """
            assign: open -> assigned; admin coordinator
            accept: assigned -> accepted; admin expert
            decline!: assigned -> open; admin expert
            answer!: accepted -> answered; admin expert
            ask!: answered -> accepted; admin organization_representative
            complete!: answered -> completed; admin organization_representative
            cancel!: open assigned accepted -> cancelled; admin organization_representative
            """,
        "pledge": """
            confirm: pledged -> confirmed; admin coordinator
            cancel!: pledged confirmed -> cancelled; admin coordinator
            """,
        "application": """
            start_review: submitted -> under_review; admin coordinator reviewer
            accept!: under_review -> accepted; admin coordinator
            reject!: under_review -> rejected; admin coordinator
            withdraw: submitted under_review -> withdrawn; admin organization_representative
            """,
        "membership": """
            suspend!: active -> suspended; admin coordinator
            reactivate!: suspended -> active; admin coordinator
            terminate!: active suspended -> terminated; admin coordinator
            """,
        "organization": """
            verify: pending -> verified; admin coordinator
            reject!: pending -> rejected; admin coordinator
            resubmit: rejected -> pending; admin coordinator organization_representative
            """,
        "representation": """
            approve: pending -> approved; admin coordinator organization_representative
            decline!: pending -> declined; admin coordinator organization_representative
            accept: invited -> approved; admin coordinator reviewer evaluator expert organization_representative member citizen
            refuse: invited -> declined; admin coordinator reviewer evaluator expert organization_representative member citizen
            withdraw: pending invited -> withdrawn; admin coordinator reviewer evaluator expert organization_representative member citizen
            """,
        "agreement": """
            sign: draft -> signed; admin coordinator
            activate: signed -> active; admin coordinator
            expire: active -> expired; admin coordinator
            terminate!: signed active -> terminated; admin coordinator
            """,
        "commitment": """
            start: planned -> in_progress; admin coordinator evaluator organization_representative
            complete: in_progress late -> done; admin coordinator evaluator organization_representative
            mark_late!: planned in_progress -> late; admin coordinator evaluator organization_representative
            resume!: late -> in_progress; admin coordinator evaluator organization_representative
            drop!: planned in_progress late -> dropped; admin coordinator
            """,
        "proposal": """
            publish: draft -> published; admin coordinator reviewer evaluator expert organization_representative member citizen
            withdraw: published evaluating -> withdrawn; admin coordinator reviewer evaluator expert organization_representative member citizen
            answer_evaluating!: published -> evaluating; admin coordinator evaluator
            answer_accepted!: published evaluating -> accepted; admin coordinator evaluator
            answer_rejected!: published evaluating -> rejected; admin coordinator evaluator
            merge!: published evaluating -> merged; admin coordinator
            """,
        "survey": """
            open: draft -> open; admin coordinator organization_representative
            close: open -> closed; admin coordinator organization_representative
            """,
        "budget_election": """
            schedule: draft -> scheduled; admin coordinator organization_representative
            """,
    ]

    struct Row {
        let action: String
        let from: Set<String>
        let to: String
        let roles: Set<String>
        let reason: Bool
    }

    static func rows(_ workflow: String) throws -> [Row] {
        let table = try #require(expected[workflow], "no expected table for \(workflow)")
        return table.split(separator: "\n").map { line in
            let head = line.split(separator: ":", maxSplits: 1)
            let action = String(head[0])
            let parts = head[1].split(separator: ";")
            let move = parts[0].components(separatedBy: "->")
            return Row(action: action.replacingOccurrences(of: "!", with: ""),
                       from: Set(move[0].split(separator: " ").map(String.init)),
                       to: move[1].trimmingCharacters(in: .whitespaces),
                       roles: Set(parts[1].split(separator: " ").map(String.init)), reason: action.hasSuffix("!"))
        }
    }

    static func user(_ role: Role) -> CurrentUser {
        CurrentUser(id: UUID(), email: "\(role.rawValue)@example.org", displayName: role.rawValue, language: .en,
                    roles: [role])
    }

    /// Walks every (state, action, role, reason given or not) of one workflow against its expected table.
    static func check<State: WorkflowState>(_ workflow: Workflow<State>) throws -> Int {
        let rows = try rows(workflow.name)
        #expect(Set(workflow.transitions.map(\.action)) == Set(rows.map(\.action)), "\(workflow.name): actions")
        var checked = 0
        for row in rows {
            for state in State.allCases {
                for role in Role.allCases {
                    for reason in [nil, "   ", "a written reason"] as [String?] {
                        checked += 1
                        let step = "\(workflow.name).\(row.action) from \(state.rawValue) by \(role.rawValue), reason \(reason ?? "none")"
                        let result = Result { try workflow.check(action: row.action, from: state, user: user(role), reason: reason) }
                        let written = !(reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty
                        switch result {
                        case .success(let transition):
                            #expect(row.from.contains(state.rawValue) && row.roles.contains(role.rawValue)
                                        && (written || !row.reason), "allowed: \(step)")
                            #expect(transition.to.rawValue == row.to, "\(step) leads to \(transition.to.rawValue)")
                        case .failure(WorkflowError.notAllowed(_, _, _, let allowed)):
                            #expect(!row.from.contains(state.rawValue), "refused as not allowed: \(step)")
                            let expected = rows.filter { $0.from.contains(state.rawValue) }.map(\.action)
                            #expect(Set(allowed) == Set(expected), "\(step): the error names \(allowed)")
                        case .failure(WorkflowError.roleNotAllowed(_, _, let roles)):
                            #expect(row.from.contains(state.rawValue) && !row.roles.contains(role.rawValue),
                                    "refused for the role: \(step)")
                            #expect(Set(roles.map(\.rawValue)) == row.roles, "\(step): the error names \(roles)")
                        case .failure(WorkflowError.reasonRequired):
                            #expect(row.reason && !written && row.from.contains(state.rawValue)
                                        && row.roles.contains(role.rawValue), "refused for the reason: \(step)")
                        case .failure(let error):
                            Issue.record("\(step): unexpected \(error)")
                        }
                    }
                }
            }
        }
        return checked
    }

    @Test func everyProcedureFollowsItsTable() throws {
        var checked = 0
        checked += try Self.check(ProjectWorkflows.project)
        checked += try Self.check(ProjectWorkflows.difficulty)
        checked += try Self.check(ProjectWorkflows.expertise)
        checked += try Self.check(ProjectWorkflows.pledge)
        checked += try Self.check(MembershipWorkflows.application)
        checked += try Self.check(MembershipWorkflows.membership)
        checked += try Self.check(OrganizationWorkflows.verification)
        checked += try Self.check(OrganizationWorkflows.representation)
        checked += try Self.check(AgreementWorkflows.agreement)
        checked += try Self.check(AgreementWorkflows.commitment)
        checked += try Self.check(ParticipationWorkflows.proposal)
        checked += try Self.check(SurveyWorkflow.survey)
        checked += try Self.check(ElectionWorkflow.election)
        #expect(Set(Self.expected.keys).count == 13)
        #expect(checked > 2_000)
    }

    /// A workflow added to any room without a table here fails: the declarations are found in `Sources/`.
    @Test func everyDeclaredWorkflowHasATable() throws {
        let root = repositoryRoot + "Sources"
        let files = (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50, "\(files.count) sources under \(root)")
        let regex = try NSRegularExpression(pattern: #"Workflow<[A-Za-z]+>\(name: "([a-z_]+)""#)
        var declared = Set<String>()
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                declared.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(declared == Set(Self.expected.keys), "declared \(declared.sorted())")
    }

    @Test func anUnknownActionIsNamedAsSuch() throws {
        #expect(throws: WorkflowError.unknownAction("fly")) {
            try ProjectWorkflows.project.check(action: "fly", from: .draft, user: Self.user(.admin), reason: nil)
        }
    }
}
